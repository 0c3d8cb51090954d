"use client";
// The recorder's connection to a forum's stage, as LiveKit Egress sets it up: the server URL and a
// hidden, subscribe-only token from the query string Egress appends.
import { useState } from "react";
import EgressHelper from "@livekit/egress-sdk";
import type { Room } from "livekit-client";
import { useSubscriberRoom, type RoomTarget, type SubscriberPhase, type Wants } from "./use-subscriber-room";

export type EgressPhase = SubscriberPhase | "missingParams";
export type { Wants } from "./use-subscriber-room";

/** The server URL and token Egress appends to the page's address, or null when they are missing. */
function egressParams(): RoomTarget | null {
  try {
    return { url: EgressHelper.getLiveKitURL(), token: EgressHelper.getAccessToken() };
  } catch {
    return null;
  }
}

function handToEgress(room: Room) {
  // Egress may switch layouts (UpdateLayout); this page draws one layout, and the SDK calls
  // this callback unguarded, so it must exist before setRoom.
  EgressHelper.onLayoutChanged(() => {});
  EgressHelper.setRoom(room);
}

export function useEgressRoom(wants: Wants): { room: Room; phase: EgressPhase } {
  // Rendered in the browser only (the loader skips SSR), so the address is there from the start.
  const [params] = useState(egressParams);
  const { room, phase } = useSubscriberRoom(params, wants, handToEgress);
  return { room, phase: params ? phase : "missingParams" };
}
