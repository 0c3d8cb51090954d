// Whether an event takes a registration now: an invitation always, otherwise the policy and the
// registration window decide (checked again when a kept-aside registration is confirmed).
import { AppError } from "@/lib/errors";
import { windowState } from "./capacity";

export interface OpenableEvent {
  registrationPolicy: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

export function assertOpen(event: OpenableEvent, invited: boolean, now: Date) {
  if (invited) return;
  if (event.registrationPolicy === "invitation") throw new AppError("FORBIDDEN", "invitationOnly");
  const state = windowState(event.registrationOpensAt, event.registrationClosesAt, now);
  if (state !== "open") throw new AppError("FORBIDDEN", state === "notYet" ? "registrationNotOpen" : "registrationClosed");
}
