// Who may join a forum's stage, when, and with which LiveKit grant: DESIGN.md's "Grants by role".
// Pure: the caller supplies the registration, whether the forum is the person's own, and the clock.
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";

/** LiveKit's track sources, by the names its tokens carry. */
export type TrackSourceName = "camera" | "microphone" | "screen_share" | "screen_share_audio";

/** The room-independent part of a LiveKit VideoGrant (the token adds roomJoin and room). */
export interface StageGrant {
  roomAdmin: boolean;
  canSubscribe: true;
  canPublish: boolean;
  /** When present, only these sources may be published; absent means all of them. */
  canPublishSources?: TrackSourceName[];
  canPublishData: boolean;
  // No role's token grants canUpdateOwnMetadata: name, attributes and metadata are what others
  // are told about a person (role, organisation, hand, booth), so only the server writes them.
}

/** `watchOnly`: an audience registration, which watches the forum's broadcast and never joins its stage.
 * `admissionRequired` and `turnedAway`: the forum's lobby (lib/lobby) has not let them in. */
export type JoinRefusal = "notApproved" | "watchOnly" | "notYourForum" | "removed" | "roomNotOpenYet" | "roomClosed" | "admissionRequired" | "turnedAway";

/** Where a person stands in the forum's lobby (lib/lobby): asked, let in, or turned away. */
export type LobbyStatus = "waiting" | "admitted" | "refused";

/** The roles that join a stage; the audience only watches (DESIGN.md's grants table). */
export type StageRole = Exclude<RegistrationRole, "audience">;

export type JoinDecision = { allowed: true; grant: StageGrant } | { allowed: false; reason: JoinRefusal };

export interface JoinRequest {
  role: RegistrationRole;
  status: RegistrationState;
  /** Registered for the forum, or (speakers, interpreters) on one of its sessions' speaker lists. */
  ownForum: boolean;
  /** `rehearsalUntil`: an organizer opened the room for a rehearsal until then. */
  forum: { startsAt: Date; endsAt: Date; closesAt?: Date; rehearsalUntil?: Date | null };
  /** An organizer removed them from this forum's room and has not let them back. */
  banned?: boolean;
  /** Their entry in the forum's lobby, if they asked to join there. */
  lobby?: LobbyStatus | null;
  /** The forum lets nobody but organizers in before an organizer admits them from the lobby. */
  requiresAdmission?: boolean;
  now: Date;
}

/** Registrations not yet decided: an organizer may let such a person in from the lobby. */
export function undecided(status: RegistrationState): boolean {
  return status === "pending" || status === "waitlisted";
}

/** The room opens this long before the forum's block starts. */
export const OPENS_BEFORE_MS = 15 * 60_000;

const grants: Record<StageRole, StageGrant> = {
  organizer: { roomAdmin: true, canSubscribe: true, canPublish: true, canPublishData: true },
  speaker: {
    roomAdmin: false,
    canSubscribe: true,
    canPublish: true,
    canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"],
    canPublishData: true,
  },
  // Their voice goes out as a microphone track named `interpretation:<lang>`; never the floor's camera.
  interpreter: { roomAdmin: false, canSubscribe: true, canPublish: true, canPublishSources: ["microphone"], canPublishData: true },
  // Delegates start silent: they raise a hand and an organizer lets them speak (speakSources, below).
  delegate: { roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: true },
  observer: { roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: true },
};

/** The grant a role starts with on the stage. */
export function stageGrant(role: StageRole): StageGrant {
  const g = grants[role];
  return { ...g, ...(g.canPublishSources ? { canPublishSources: [...g.canPublishSources] } : {}) };
}

/** What an organizer's "let them speak" gives a delegate: camera and microphone. */
export const speakSources: TrackSourceName[] = ["camera", "microphone"];

/** What an organizer's "let them share their screen" gives a delegate (DESIGN.md: "on request"). */
export const shareSources: TrackSourceName[] = ["screen_share", "screen_share_audio"];

/** What a delegate may publish, as organizers granted it. */
export interface DelegateFloor {
  speak: boolean;
  share: boolean;
}

/** A delegate's floor, read back from the sources LiveKit says they may publish. */
export function delegateFloor(permission: { canPublish: boolean; canPublishSources: readonly TrackSourceName[] }): DelegateFloor {
  const has = (sources: TrackSourceName[]) => permission.canPublish && sources.every((s) => permission.canPublishSources.includes(s));
  return { speak: has(speakSources), share: has(shareSources) };
}

/** The publishing part of a delegate's permission for a floor: nothing, or exactly what was granted. */
export function delegatePublishing(floor: DelegateFloor): { canPublish: boolean; canPublishSources: TrackSourceName[] } {
  const sources = [...(floor.speak ? speakSources : []), ...(floor.share ? shareSources : [])];
  return { canPublish: sources.length > 0, canPublishSources: sources };
}

/**
 * Why an organizer cannot let this person speak or share on request, or null for a delegate (the
 * only role that speaks on request). Each answer names the role's own way to take part.
 */
export function floorRefusal(role: RegistrationRole): "speakersAlwaysSpeak" | "observersListen" | "interpretersUseBooth" | null {
  if (role === "organizer" || role === "speaker") return "speakersAlwaysSpeak";
  if (role === "observer" || role === "audience") return "observersListen";
  if (role === "interpreter") return "interpretersUseBooth";
  return null;
}

/** Who raises a hand (and asks to share a screen): those an organizer can give the floor to. */
export function mayRaiseHand(role: RegistrationRole): boolean {
  return floorRefusal(role) === null;
}

/**
 * Whether the forum's room is open at `now`: from 15 minutes before its block until its end, or
 * until `closesAt` when an organizer extended the room past the block.
 */
export function joinWindow(forum: { startsAt: Date; endsAt: Date; closesAt?: Date }, now: Date): "open" | "notYet" | "closed" {
  if (now.getTime() < forum.startsAt.getTime() - OPENS_BEFORE_MS) return "notYet";
  const closes = Math.max(forum.endsAt.getTime(), forum.closesAt?.getTime() ?? 0);
  if (now.getTime() >= closes) return "closed";
  return "open";
}

/**
 * Whether a person may be in the forum's room at all, whatever the time: what a registration
 * change or a join by an old token is checked against while the room is running.
 */
export function decideStay(req: Omit<JoinRequest, "forum" | "now">): JoinDecision {
  const admitted = req.lobby === "admitted";
  // An admission stands in for an undecided registration (never for an organizer's: no room admin
  // before the registration is approved); a declined or cancelled one is a decision already made.
  const admittedUndecided = admitted && undecided(req.status) && req.role !== "organizer";
  if (req.status !== "approved" && !admittedUndecided) return { allowed: false, reason: "notApproved" };
  // Organizers run every room and may open it early or stay late to close it.
  if (req.role === "organizer") return { allowed: true, grant: stageGrant("organizer") };
  // No stage token for the audience, whichever forums it names: it watches the broadcast instead.
  if (req.role === "audience") return { allowed: false, reason: "watchOnly" };
  if (!req.ownForum) return { allowed: false, reason: "notYourForum" };
  // Until an organizer lets them back, whatever the clock says.
  if (req.banned) return { allowed: false, reason: "removed" };
  // Turned away from the lobby answers the knock, not a right held otherwise: an approved person
  // turned away while early joins when the room opens (a ban is how an organizer keeps someone out).
  // Where admission is required, it is out until they ask again and an organizer admits them.
  if (req.lobby === "refused" && req.requiresAdmission) return { allowed: false, reason: "turnedAway" };
  if (req.requiresAdmission && !admitted) return { allowed: false, reason: "admissionRequired" };
  return { allowed: true, grant: stageGrant(req.role) };
}

/** Who may join a rehearsal: those who will be on the stage or in a booth. */
export function rehearses(role: RegistrationRole): boolean {
  return role === "speaker" || role === "interpreter";
}

export function decideJoin(req: JoinRequest): JoinDecision {
  const stay = decideStay(req);
  if (!stay.allowed || req.role === "organizer") return stay;
  const rehearsal = req.forum.rehearsalUntil && req.now.getTime() < req.forum.rehearsalUntil.getTime();
  if (rehearsal && rehearses(req.role)) return stay;
  const window = joinWindow(req.forum, req.now);
  // An organizer may let people in from the lobby before the room opens; never after it closed.
  if (window === "notYet") return req.lobby === "admitted" ? stay : { allowed: false, reason: "roomNotOpenYet" };
  if (window === "closed") return { allowed: false, reason: "roomClosed" };
  return stay;
}
