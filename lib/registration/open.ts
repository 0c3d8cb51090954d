// Whether an event takes a registration now: an invitation always, otherwise the policy of the
// registration's tier (delegates' or the audience's) and the registration window decide (checked
// again when a kept-aside registration is confirmed).
import { AppError } from "@/lib/errors";
import { windowState } from "./capacity";

export interface OpenableEvent {
  registrationPolicy: string;
  audiencePolicy: string;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

export function assertOpen(event: OpenableEvent, invited: boolean, now: Date, role: string) {
  if (invited) return;
  if (role === "audience") {
    if (event.audiencePolicy === "invitation") throw new AppError("FORBIDDEN", "audienceInvitationOnly");
  } else if (event.registrationPolicy === "invitation") throw new AppError("FORBIDDEN", "invitationOnly");
  const state = windowState(event.registrationOpensAt, event.registrationClosesAt, now);
  if (state !== "open") throw new AppError("FORBIDDEN", state === "notYet" ? "registrationNotOpen" : "registrationClosed");
}
