// What an event offers at a given moment, so pages show only buttons that work then: registration
// (not yet open, open, open but full → waitlist, closed, by invitation), and the programme's phase
// (before, under way, over) with what is happening now. Pure; the same rules run on the server and,
// for cached pages, in the browser.
import { markLiveAndNext } from "@/lib/agenda/agenda";
import type { AgendaForum, AgendaSession, SessionStatus } from "@/lib/agenda/types";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { windowState, type Policy } from "@/lib/registration/capacity";
import { decideJoin } from "@/lib/rooms/grants";

export type RegistrationOffer =
  | { kind: "open"; policy: Exclude<Policy, "invitation">; closesAt: Date | null; full: boolean }
  /** Taking part is by invitation, but anyone may register to watch (the audience tier). */
  | { kind: "audienceOnly"; closesAt: Date | null }
  | { kind: "notYet"; opensAt: Date }
  | { kind: "closed"; closesAt: Date }
  | { kind: "invitation" };

export interface RegistrationSettings {
  policy: Policy;
  opensAt: Date | null;
  closesAt: Date | null;
  capacity: number;
  /** The audience tier's own policy; absent, the audience is not offered apart. */
  audiencePolicy?: Policy;
}

/** The registration window as registering itself enforces it (lib/registration/mutations.ts). */
export function registrationOffer(s: RegistrationSettings, seatsTaken: number, now: Date): RegistrationOffer {
  const audienceOpen = s.audiencePolicy !== undefined && s.audiencePolicy !== "invitation";
  if (s.policy === "invitation" && !audienceOpen) return { kind: "invitation" };
  const window = windowState(s.opensAt, s.closesAt, now);
  if (window === "notYet") return { kind: "notYet", opensAt: s.opensAt! };
  if (window === "closed") return { kind: "closed", closesAt: s.closesAt! };
  if (s.policy === "invitation") return { kind: "audienceOnly", closesAt: s.closesAt };
  return { kind: "open", policy: s.policy, closesAt: s.closesAt, full: seatsTaken >= s.capacity };
}

/** Whether the public form takes a registration now, in either tier. */
export function takesRegistrations(offer: RegistrationOffer): boolean {
  return offer.kind === "open" || offer.kind === "audienceOnly";
}

export type EventPhase = "before" | "during" | "over";

/** Before the first session, between the first start and the last end, or over. */
export function eventPhase(forums: AgendaForum[], now: Date): EventPhase {
  const sessions = forums.flatMap((f) => f.sessions);
  if (sessions.length === 0) return "before";
  const t = now.getTime();
  if (t < Math.min(...sessions.map((s) => s.startsAt.getTime()))) return "before";
  if (t >= Math.max(...sessions.map((s) => s.endsAt.getTime()))) return "over";
  return "during";
}

/** A session's status as a visitor should read it: one nobody ended is over once its slot is. */
export function effectiveStatus(session: Pick<AgendaSession, "status" | "startsAt" | "endsAt">, now: Date): SessionStatus {
  if (session.status !== "scheduled") return session.status;
  if (now >= session.endsAt) return "ended";
  return session.startsAt <= now ? "live" : "scheduled";
}

type SlotSession = Pick<AgendaSession, "id" | "startsAt" | "endsAt" | "status">;
type SlotForum<S extends SlotSession> = { startsAt: Date; endsAt: Date; sessions: S[] };

export interface HappeningNow<F, S> {
  forum: F;
  /** The forum's session on now, or null between two of its sessions. */
  session: S | null;
}

/**
 * The forums under way at `now`: inside their block, or with a session an organizer took live.
 * Each comes with its session on now (as the agenda's "Live now" marker decides it).
 */
export function happeningNow<F extends SlotForum<SlotSession>>(forums: F[], now: Date, statuses: ReadonlyMap<string, SessionStatus> = new Map()): HappeningNow<F, F["sessions"][number]>[] {
  const status = (s: SlotSession) => statuses.get(s.id) ?? s.status;
  const { live } = markLiveAndNext(
    forums.flatMap((f) => f.sessions.map((s) => ({ ...s, status: status(s) }))),
    now,
  );
  return forums
    .map((forum) => ({ forum, session: forum.sessions.find((s) => live.has(s.id)) ?? null }))
    .filter(({ forum, session }) => session !== null || (forum.startsAt <= now && now < forum.endsAt && forum.sessions.some((s) => status(s) !== "ended" && s.endsAt > now)));
}

/** Where a visitor stands with an event: nobody, a signed-in person without a registration, or one with. */
export interface VisitorStanding {
  signedIn: boolean;
  registration: {
    role: RegistrationRole;
    status: RegistrationState;
    ownForumIds: string[];
    /** Rooms an organizer removed them from and has not let them back into. */ removedFromForumIds: string[];
  } | null;
}

/** What a visitor may do about a forum's live room now, and otherwise what stands in the way. */
export type JoinAdvice = "join" | "signIn" | "register" | "notRegistered" | "pending" | "waitlisted" | "notApproved" | "watchOnly" | "notYourForum" | "removed" | "roomNotOpenYet" | "roomClosed";

/** The room's own rule (lib/rooms/grants.ts) decides; this only names the visitor's next step. */
export function joinAdvice(visitor: VisitorStanding, forum: { id: string; startsAt: Date; endsAt: Date; closesAt?: Date; rehearsalUntil?: Date }, now: Date, registrationOpen: boolean): JoinAdvice {
  const reg = visitor.registration;
  if (!reg) return !visitor.signedIn ? "signIn" : registrationOpen ? "register" : "notRegistered";
  const decision = decideJoin({ role: reg.role, status: reg.status, ownForum: reg.ownForumIds.includes(forum.id), banned: reg.removedFromForumIds.includes(forum.id), forum, now });
  if (decision.allowed) return "join";
  if (decision.reason === "notApproved") return reg.status === "pending" ? "pending" : reg.status === "waitlisted" ? "waitlisted" : "notApproved";
  // The forum's lobby (lib/lobby) is on the live page: going there is the way in.
  if (decision.reason === "admissionRequired" || decision.reason === "turnedAway") return "join";
  return decision.reason;
}

/** What a cached page's leaves learn about the visitor (GET /api/me/events/{slug}). */
export interface VisitorSnapshot extends VisitorStanding {
  registrationOpen: boolean;
  /** Sessions of the event the visitor saved to My agenda. */
  bookmarks: string[];
  /** Rooms an organizer kept open past their block: forum id → ISO instant. */
  extensions: Record<string, string>;
  /** Rooms an organizer opened for a rehearsal: forum id → ISO instant it ends. */
  rehearsals: Record<string, string>;
}

/** The forum as joinAdvice reads it, with the visitor snapshot's room windows. */
export function forumRoom(forum: { id: string; startsAt: Date; endsAt: Date }, visitor: VisitorSnapshot) {
  const at = (iso: string | undefined) => (iso ? new Date(iso) : undefined);
  return { id: forum.id, startsAt: forum.startsAt, endsAt: forum.endsAt, closesAt: at(visitor.extensions[forum.id]), rehearsalUntil: at(visitor.rehearsals[forum.id]) };
}
