// LiveKit's webhooks: verified with the SDK's WebhookReceiver (a JWT signed with our API secret
// whose sha256 claim is the body's hash), then handed to the feature that owns the event.
import "server-only";
import { WebhookReceiver, type WebhookEvent } from "livekit-server-sdk";
import { applyAttendanceChange } from "@/lib/attendance/mutations";
import { attendanceChange, isAttendanceEvent } from "@/lib/attendance/webhook";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** LiveKit's payloads are a few kilobytes; anything near this is not LiveKit. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

let receiver: WebhookReceiver | undefined;

/** The verified event; UNAUTHENTICATED for a missing, forged or expired signature, a body that
 * does not match it, or one the SDK cannot decode; BAD_REQUEST for a signed body that is not JSON
 * or has no event id. */
export async function receiveLiveKitWebhook(body: string, authorization: string | null): Promise<WebhookEvent> {
  const env = getEnv();
  receiver ??= new WebhookReceiver(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  let event: WebhookEvent;
  try {
    event = await receiver.receive(body, authorization ?? undefined);
  } catch (err) {
    // The body is parsed only after the signature and hash checked out.
    if (err instanceof SyntaxError) throw new AppError("BAD_REQUEST", "webhookNotJson");
    throw new AppError("UNAUTHENTICATED", "webhookSignatureInvalid");
  }
  if (!event.id) throw new AppError("BAD_REQUEST", "webhookWithoutId");
  return event;
}

export type WebhookOutcome = "applied" | "replayed" | "unknownRoom" | "ignored";

/** Routes a verified event to its feature. Events nobody handles are acknowledged (200) so
 * LiveKit does not retry them. */
export async function dispatchLiveKitWebhook(event: WebhookEvent, receivedAt = new Date()): Promise<WebhookOutcome> {
  if (isAttendanceEvent(event.event)) {
    const change = attendanceChange(event, receivedAt);
    if (!change) return "ignored";
    const outcome = await applyAttendanceChange(change);
    if (outcome === "unknownRoom") console.warn(`LiveKit webhook ${event.id} (${event.event}) for unknown room ${change.room}: ignored`);
    return outcome;
  }
  // Recordings hook in here: egress_started / egress_updated / egress_ended carry event.egressInfo.
  // Record the event id in webhook_events in the same statement or transaction as the effect, as
  // lib/attendance/mutations.ts does, so redeliveries stay harmless.
  if (event.event.startsWith("egress_")) return "ignored";
  // room_started, track_*, ingress_*, agent jobs: nothing to record.
  return "ignored";
}
