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
  /** Lets the client set its own `hand` attribute when it raises a hand. */
  canUpdateOwnMetadata: true;
}

export type JoinRefusal = "notApproved" | "notYourForum" | "roomNotOpenYet" | "roomClosed";

export type JoinDecision = { allowed: true; grant: StageGrant } | { allowed: false; reason: JoinRefusal };

export interface JoinRequest {
  role: RegistrationRole;
  status: RegistrationState;
  /** Registered for the forum, or (speakers, interpreters) on one of its sessions' speaker lists. */
  ownForum: boolean;
  forum: { startsAt: Date; endsAt: Date; closesAt?: Date };
  now: Date;
}

/** The room opens this long before the forum's block starts. */
export const OPENS_BEFORE_MS = 15 * 60_000;

const grants: Record<RegistrationRole, StageGrant> = {
  organizer: { roomAdmin: true, canSubscribe: true, canPublish: true, canPublishData: true, canUpdateOwnMetadata: true },
  speaker: {
    roomAdmin: false,
    canSubscribe: true,
    canPublish: true,
    canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"],
    canPublishData: true,
    canUpdateOwnMetadata: true,
  },
  // Their voice goes out as a microphone track named `interpretation:<lang>`; never the floor's camera.
  interpreter: { roomAdmin: false, canSubscribe: true, canPublish: true, canPublishSources: ["microphone"], canPublishData: true, canUpdateOwnMetadata: true },
  // Delegates start silent: they raise a hand and an organizer lets them speak (speakGrant).
  delegate: { roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: true, canUpdateOwnMetadata: true },
  observer: { roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: true, canUpdateOwnMetadata: true },
};

/** The grant a role starts with on the stage. */
export function stageGrant(role: RegistrationRole): StageGrant {
  const g = grants[role];
  return { ...g, ...(g.canPublishSources ? { canPublishSources: [...g.canPublishSources] } : {}) };
}

/** What an organizer's "let them speak" gives a delegate: camera and microphone, nothing else. */
export const speakSources: TrackSourceName[] = ["camera", "microphone"];

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

export function decideJoin(req: JoinRequest): JoinDecision {
  if (req.status !== "approved") return { allowed: false, reason: "notApproved" };
  // Organizers run every room and may open it early or stay late to close it.
  if (req.role === "organizer") return { allowed: true, grant: stageGrant("organizer") };
  if (!req.ownForum) return { allowed: false, reason: "notYourForum" };
  const window = joinWindow(req.forum, req.now);
  if (window === "notYet") return { allowed: false, reason: "roomNotOpenYet" };
  if (window === "closed") return { allowed: false, reason: "roomClosed" };
  return { allowed: true, grant: stageGrant(req.role) };
}
