// What a LiveKit webhook means for attendance, as plain data. Pure: the SDK parses LiveKit's JSON
// (int64 fields arrive as strings and become bigints), this reads the fields attendance needs.
import type { WebhookEvent } from "livekit-server-sdk";
import { AUDIENCE_IDENTITY_PREFIX } from "@/lib/broadcast/types";

interface Base {
  /** LiveKit's event id: the idempotency key. */
  id: string;
  event: string;
  room: string;
  /** When LiveKit created the event. */
  at: Date;
}

export type AttendanceChange =
  | (Base & { kind: "joined"; sid: string; identity: string; joinedAt: Date })
  | (Base & { kind: "left"; sid: string; identity: string; joinedAt: Date })
  /** A connection that never became active: close its row if one exists, never create one. */
  | (Base & { kind: "aborted"; sid: string })
  | (Base & { kind: "roomFinished" });

// ParticipantInfo.Kind: STANDARD = 0, SIP = 3 are people; ingress, egress (the hidden recorder)
// and agents are not attendance.
const PEOPLE_KINDS = new Set([0, 3]);

const secondsToDate = (s: bigint) => new Date(Number(s) * 1000);

export function isAttendanceEvent(name: string): boolean {
  return name === "participant_joined" || name === "participant_left" || name === "participant_connection_aborted" || name === "room_finished";
}

/** The attendance change a webhook carries; null when it carries none (other events, robots,
 * a payload without the fields needed). `receivedAt` stands in for a missing creation time. */
export function attendanceChange(event: WebhookEvent, receivedAt: Date): AttendanceChange | null {
  const room = event.room?.name;
  if (!isAttendanceEvent(event.event) || !event.id || !room) return null;
  const at = event.createdAt > 0n ? secondsToDate(event.createdAt) : receivedAt;
  const base = { id: event.id, event: event.event, room, at };
  if (event.event === "room_finished") return { ...base, kind: "roomFinished" };
  const p = event.participant;
  if (!p?.sid || !p.identity || !PEOPLE_KINDS.has(p.kind)) return null;
  // The broadcast's audience watches, hidden: attendance is the delegates' presence in the room.
  if (p.identity.startsWith(AUDIENCE_IDENTITY_PREFIX)) return null;
  // joinedAtMs is exact; older servers only send whole seconds; a leave without either is
  // recorded as an instant, which its join (if it ever arrives) corrects.
  const joinedAt = p.joinedAtMs > 0n ? new Date(Number(p.joinedAtMs)) : p.joinedAt > 0n ? secondsToDate(p.joinedAt) : at;
  if (event.event === "participant_joined") return { ...base, kind: "joined", sid: p.sid, identity: p.identity, joinedAt };
  // The event's time has whole seconds while joinedAtMs has milliseconds: a leave within the same
  // second as its join would otherwise precede it.
  if (event.event === "participant_left") return { ...base, at: at < joinedAt ? joinedAt : at, kind: "left", sid: p.sid, identity: p.identity, joinedAt };
  return { ...base, kind: "aborted", sid: p.sid };
}
