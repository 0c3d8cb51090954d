"use client";
// What the server page knows about this room and its viewer, for every part of the room
// (and for add-ons such as the interpretation controls) without threading props.
import { createContext, useContext, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/routing";
import type { LobbyPlace } from "@/lib/lobby/rules";
import type { RoomRole } from "./attributes";

export interface RoomAgendaItem {
  id: string;
  title: string;
  startsAt: number;
  endsAt: number;
}

export interface RoomInfo {
  sessionId: string;
  forumId: string;
  /** The session page this room was entered from. */
  backHref: string;
  /** As registered: the room shows the same name, which nobody can change from the room. */
  viewer: { name: string; nameLatin: string | null; role: RoomRole; isOrganizer: boolean };
  /** The server's clock when it rendered the page: the room's first estimate of it. */
  renderedAt: number;
  /** The forum's block start, and when its room closes (the block's end, or later if extended). */
  forum: { title: string; startsAt: number; closesAt: number };
  sessions: RoomAgendaItem[];
  /** The event's home zone first, then its other displayed zones. */
  zones: { zone: string; label: string }[];
  languages: Locale[];
  /** The viewer waits in the forum's lobby (lib/lobby) instead of joining: where they stand, and
   * the event whose live stream tells them an organizer's answer. */
  lobby?: { eventSlug: string; place: LobbyPlace };
  /** A room that is no forum's stage (a one-to-one meeting) names itself and its way back. */
  heading?: string;
  backLabel?: string;
  /** The breakout room the client is in now (null or absent: the stage): every call from inside
   * the room (chat, moderation, hands, booths) acts on the room the viewer is in. */
  breakoutId?: string | null;
}

const RoomInfoContext = createContext<RoomInfo | null>(null);

export function RoomInfoProvider({ info, children }: { info: RoomInfo; children: ReactNode }) {
  return <RoomInfoContext.Provider value={info}>{children}</RoomInfoContext.Provider>;
}

export function useRoomInfo(): RoomInfo {
  const info = useContext(RoomInfoContext);
  if (!info) throw new Error("useRoomInfo outside <RoomInfoProvider>");
  return info;
}
