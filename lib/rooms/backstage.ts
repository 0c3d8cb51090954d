// Backstage rules (the organizers' side is lib/backstage), pure: who waits there while backstage is on, and which room a person may hold a token for.
import type { RegistrationRole } from "@/lib/auth/roles";

/** The attribute the server writes on a waiting person: "stage" once an organizer brought them
 * on stage, "backstage" (on the stage) once one sent them back. Only the server writes it. */
export const CALL_ATTRIBUTE = "plenary.call";

export type CallValue = "stage" | "backstage";

export type RoomKind = "stage" | "backstage";

/** Who waits backstage until an organizer brings them on: those who will be on the stage or in a booth. */
export function waitsBackstage(role: RegistrationRole | string | undefined): boolean {
  return role === "speaker" || role === "interpreter";
}

export type RoomRefusal = "waitBackstage" | "notBackstage";

/**
 * Whether someone already allowed on the forum's stage (decideJoin) may have a token for `room`.
 * Organizers join either room. With backstage on, speakers and interpreters wait backstage until
 * called; everyone else joins the stage directly and has no business backstage.
 */
export function decideRoom(req: { role: RegistrationRole; backstageOn: boolean; called: boolean; room: RoomKind }): { allowed: true } | { allowed: false; reason: RoomRefusal } {
  if (req.role === "organizer") return { allowed: true };
  const waits = req.backstageOn && waitsBackstage(req.role) && !req.called;
  if (req.room === "stage") return waits ? { allowed: false, reason: "waitBackstage" } : { allowed: true };
  return waits ? { allowed: true } : { allowed: false, reason: "notBackstage" };
}

/** What an organizer can do with a person: bring on stage only someone who waits there. */
export function callRefusal(role: RegistrationRole | null): "notRegistered" | "notBackstageRole" | null {
  if (!role) return "notRegistered";
  return waitsBackstage(role) ? null : "notBackstageRole";
}
