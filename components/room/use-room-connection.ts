"use client";
// The life of one connection to the forum's room: token from our server, connect, publish what the
// viewer chose, follow network drops, and tell why the room went away. The Room object lives as
// long as the page, so Retry reuses it.
import { useCallback, useEffect, useRef, useState } from "react";
import { DisconnectReason, Room, RoomEvent } from "livekit-client";
import { serverClockAction } from "@/lib/rooms/participant-actions";
import type { StageToken } from "@/lib/rooms/schema";
import { heardServerClock } from "./use-now";

export interface JoinChoices {
  audioEnabled: boolean;
  videoEnabled: boolean;
  audioDeviceId: string;
  videoDeviceId: string;
}

export type RoomPhase =
  | { kind: "prejoin" }
  | { kind: "connecting" }
  | { kind: "connected" }
  /** The LiveKit server did not answer. */
  | { kind: "unreachable" }
  /** Our server refused a token; `code` is its message key (outsideWindow, notApproved, …). */
  | { kind: "denied"; code: string }
  | { kind: "left" }
  | { kind: "removed" }
  | { kind: "ended" }
  /** The forum's time ran out (organizers stay to extend or end it). */
  | { kind: "closed" }
  | { kind: "lost" };

export type NetworkState = "ok" | "reconnecting" | "reconnected";

function phaseAfter(reason: DisconnectReason | undefined): RoomPhase {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return { kind: "left" };
    case DisconnectReason.PARTICIPANT_REMOVED:
      return { kind: "removed" };
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return { kind: "ended" };
    case DisconnectReason.DUPLICATE_IDENTITY:
      return { kind: "denied", code: "duplicate" };
    default:
      return { kind: "lost" };
  }
}

/** Devices chosen before joining stay the defaults for tracks turned on later in the room. */
function rememberDevices(room: Room, choices: JoinChoices) {
  const { options } = room;
  options.audioCaptureDefaults = { ...options.audioCaptureDefaults, deviceId: choices.audioDeviceId || undefined };
  options.videoCaptureDefaults = { ...options.videoCaptureDefaults, deviceId: choices.videoDeviceId || undefined };
}

async function fetchToken(sessionId: string): Promise<StageToken | { code: string }> {
  const res = await fetch("/api/livekit/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionId }),
  });
  if (res.ok) return (await res.json()) as StageToken;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { code: body?.error?.message ?? (res.status === 401 ? "signInRequired" : "unknown") };
}

export function useRoomConnection(sessionId: string) {
  const [room] = useState(() => new Room({ adaptiveStream: true, dynacast: true }));
  const [phase, setPhase] = useState<RoomPhase>({ kind: "prejoin" });
  const [network, setNetwork] = useState<NetworkState>("ok");
  const connected = useRef(false);
  const lastChoices = useRef<JoinChoices | null>(null);

  useEffect(() => {
    let calm: ReturnType<typeof setTimeout> | undefined;
    const onReconnecting = () => setNetwork("reconnecting");
    const onReconnected = () => {
      setNetwork("reconnected");
      clearTimeout(calm);
      calm = setTimeout(() => setNetwork("ok"), 5000);
    };
    // Only a room we were in can be left; a failed connect is reported by connect() itself.
    const onDisconnected = (reason?: DisconnectReason) => {
      if (!connected.current) return;
      connected.current = false;
      setNetwork("ok");
      setPhase(phaseAfter(reason));
    };
    room.on(RoomEvent.Reconnecting, onReconnecting).on(RoomEvent.SignalReconnecting, onReconnecting);
    room.on(RoomEvent.Reconnected, onReconnected).on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      clearTimeout(calm);
      room.off(RoomEvent.Reconnecting, onReconnecting).off(RoomEvent.SignalReconnecting, onReconnecting);
      room.off(RoomEvent.Reconnected, onReconnected).off(RoomEvent.Disconnected, onDisconnected);
      void room.disconnect();
    };
  }, [room]);

  const join = useCallback(
    async (choices: JoinChoices) => {
      lastChoices.current = choices;
      setPhase({ kind: "connecting" });
      let details: StageToken | { code: string };
      try {
        details = await fetchToken(sessionId);
      } catch {
        return setPhase({ kind: "unreachable" });
      }
      if ("code" in details) return setPhase({ kind: "denied", code: details.code });
      try {
        await room.connect(details.serverUrl, details.participantToken);
      } catch {
        return setPhase({ kind: "unreachable" });
      }
      connected.current = true;
      setPhase({ kind: "connected" });
      rememberDevices(room, choices);
      const me = room.localParticipant;
      // The room compares server-stamped instants (hands, handovers) with now: learn the server's clock.
      const sentAt = Date.now();
      void serverClockAction().then(
        ({ serverNow }) => heardServerClock(sentAt, serverNow),
        () => {},
      );
      // Listeners (delegates until an organizer lets them speak) have nothing to publish yet;
      // interpreters publish only from their booth console, as an `interpretation:<lang>` track.
      if (me.permissions?.canPublish && me.attributes.role !== "interpreter") {
        if (choices.audioEnabled) await me.setMicrophoneEnabled(true).catch(() => {});
        if (choices.videoEnabled) await me.setCameraEnabled(true).catch(() => {});
      }
    },
    [room, sessionId],
  );

  const retry = useCallback(() => (lastChoices.current ? join(lastChoices.current) : setPhase({ kind: "prejoin" })), [join]);
  const leave = useCallback(() => room.disconnect(), [room]);
  const close = useCallback(() => {
    connected.current = false;
    setPhase({ kind: "closed" });
    void room.disconnect();
  }, [room]);
  const rejoin = useCallback(() => setPhase({ kind: "prejoin" }), []);

  return { room, phase, network, join, retry, leave, rejoin, close };
}
