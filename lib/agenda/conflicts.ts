// Agenda conflicts: the rules an organizer's change must keep. Pure, so the editor previews them
// while typing and the server enforces the very same ones under the event's lock.
import type { LocalizedText } from "@/lib/i18n/localized";
import type { SpeakerRole } from "./types";

/** A person on the agenda: a registered user, or a guest known only by name. */
export interface BookedPerson {
  key: string;
  name: string;
  role: SpeakerRole;
}

export interface Slot {
  id: string;
  forumId: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  people: BookedPerson[];
}

export interface Block {
  id: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
}

export interface AgendaFrame {
  event: { startsAt: Date; endsAt: Date };
  forums: Block[];
  sessions: Slot[];
}

export type Conflict =
  | { type: "endBeforeStart" }
  | { type: "outsideEvent"; startsAt: string; endsAt: string }
  | { type: "outsideBlock"; forum: LocalizedText; startsAt: string; endsAt: string }
  | { type: "overlap"; sessionId: string; title: LocalizedText }
  | { type: "doubleBooked"; person: string; sessionId: string; title: LocalizedText; forum: LocalizedText }
  /** A changed forum block or event period would leave this session or forum outside it. */
  | { type: "sessionOutside"; sessionId: string; title: LocalizedText }
  | { type: "forumOutside"; forumId: string; title: LocalizedText };

/** The identity two bookings share: the user id, or a guest's name ignoring case and spacing. */
export function personKey(userId: string | null, name: string): string {
  return userId ? `user:${userId}` : `guest:${name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()}`;
}

const overlapping = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

const within = (inner: { startsAt: Date; endsAt: Date }, outer: { startsAt: Date; endsAt: Date }) =>
  inner.startsAt.getTime() >= outer.startsAt.getTime() && inner.endsAt.getTime() <= outer.endsAt.getTime();

/** Everything wrong with `candidate` placed into `frame` (whose sessions may include its old self). */
export function sessionConflicts(candidate: Slot, frame: AgendaFrame): Conflict[] {
  if (candidate.endsAt.getTime() <= candidate.startsAt.getTime()) return [{ type: "endBeforeStart" }];
  const found: Conflict[] = [];
  const { event } = frame;
  if (!within(candidate, event)) found.push({ type: "outsideEvent", startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() });
  const forum = frame.forums.find((f) => f.id === candidate.forumId);
  if (forum && !within(candidate, forum)) found.push({ type: "outsideBlock", forum: forum.title, startsAt: forum.startsAt.toISOString(), endsAt: forum.endsAt.toISOString() });
  const forumTitle = new Map(frame.forums.map((f) => [f.id, f.title]));
  for (const other of frame.sessions) {
    if (other.id === candidate.id || !overlapping(candidate, other)) continue;
    if (other.forumId === candidate.forumId) {
      found.push({ type: "overlap", sessionId: other.id, title: other.title });
      continue;
    }
    const busy = new Set(other.people.map((p) => p.key));
    for (const p of candidate.people) {
      if (busy.has(p.key)) found.push({ type: "doubleBooked", person: p.name, sessionId: other.id, title: other.title, forum: forumTitle.get(other.forumId) ?? other.title });
    }
  }
  return found;
}

/** Every conflict of a whole agenda, each session checked against the rest (imports, shifts). */
export function frameConflicts(frame: AgendaFrame): { sessionId: string; conflicts: Conflict[] }[] {
  return frame.sessions.map((s) => ({ sessionId: s.id, conflicts: sessionConflicts(s, frame) })).filter((r) => r.conflicts.length > 0);
}

/** A forum block's own problems: inverted, or outside the event's dates. */
export function blockConflicts(block: { startsAt: Date; endsAt: Date }, event: { startsAt: Date; endsAt: Date }): Conflict[] {
  if (block.endsAt.getTime() <= block.startsAt.getTime()) return [{ type: "endBeforeStart" }];
  return within(block, event) ? [] : [{ type: "outsideEvent", startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() }];
}
