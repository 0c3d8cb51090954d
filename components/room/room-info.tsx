"use client";
// What the server page knows about this room and its viewer, for every part of the room
// (and for add-ons such as the interpretation controls) without threading props.
import { useCallback, createContext, useContext, type ReactNode } from "react";
import type { Language } from "@/lib/agenda/types";
import type { RoomRole } from "./attributes";

export interface RoomAgendaItem {
  id: string;
  title: string;
  startsAt: number;
  endsAt: number;
}

export interface RoomInfo {
  sessionId: string;
  /** The session page this room was entered from. */
  backHref: string;
  viewer: { name: string; role: RoomRole; isOrganizer: boolean };
  /** The forum's block start, and when its room closes (the block's end, or later if extended). */
  forum: { title: string; startsAt: number; closesAt: number };
  sessions: RoomAgendaItem[];
  /** The event's home zone first, then its other displayed zones. */
  zones: { zone: string; label: string }[];
  languages: Language[];
  /**
   * Everyone's role other than delegate, from the database. Participants may edit their own
   * attributes (the raised hand needs that), so a role read from attributes is never trusted.
   */
  roles: Record<string, RoomRole>;
}

const RoomInfoContext = createContext<RoomInfo | null>(null);

export function RoomInfoProvider({ info, children }: { info: RoomInfo; children: ReactNode }) {
  return <RoomInfoContext.Provider value={info}>{children}</RoomInfoContext.Provider>;
}

/** A participant's role as the server knows it (delegate unless listed otherwise). */
export function useRoleOf(): (identity: string) => RoomRole {
  const { roles } = useRoomInfo();
  return useCallback((identity: string) => roles[identity] ?? "delegate", [roles]);
}

export function useRoomInfo(): RoomInfo {
  const info = useContext(RoomInfoContext);
  if (!info) throw new Error("useRoomInfo outside <RoomInfoProvider>");
  return info;
}
