// LiveKit's webhooks: verified as the SDK's WebhookReceiver verifies them (a JWT signed with our
// API secret whose sha256 claim is the body's hash), then handed to the feature that owns the event.
import "server-only";
import { createHash } from "node:crypto";
import { TokenVerifier, WebhookEvent, type ClaimGrants } from "livekit-server-sdk";
import { applyAttendanceChange } from "@/lib/attendance/group";
import { captionsOnRoomStart, captionsOnStageJoin } from "@/lib/captions/control";
import { AGENT_KIND } from "@/lib/captions/wire";
import { parseRoomName } from "@/lib/rooms/room-name";
import { attendanceChange, isAttendanceEvent } from "@/lib/attendance/webhook";
import { getEnv } from "@/lib/env";
import { applyBroadcastEgressEvent } from "@/lib/broadcast/webhook";
import { recordChannelIfRecording } from "@/lib/recordings/control";
import { applyEgressEvent } from "@/lib/recordings/webhook";
import { AppError } from "@/lib/errors";
import { enforceMeetingJoin } from "@/lib/meetings/room";
import { enforceJoin, enforceTrack } from "@/lib/rooms/enforcement";

/** LiveKit's payloads are a few kilobytes; anything near this is not LiveKit. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

let verifier: TokenVerifier | undefined;

/** Checks the Authorization header's signature before a byte of the body is read: a request
 * nobody signed is answered 401 whatever it carries. Answers the token's claims, which hold the
 * body's hash (receiveLiveKitWebhook checks it once the body is read). */
export async function authorizeLiveKitWebhook(authorization: string | null): Promise<ClaimGrants> {
  const env = getEnv();
  verifier ??= new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  if (!authorization) throw new AppError("UNAUTHENTICATED", "webhookSignatureInvalid");
  return verifier.verify(authorization).catch(() => {
    throw new AppError("UNAUTHENTICATED", "webhookSignatureInvalid");
  });
}

/** The verified event: what the SDK's WebhookReceiver.receive checks after the signature (its
 * first step, which authorizeLiveKitWebhook has done: verifying the token twice cost as much as
 * the rest of the request) — the body's SHA-256, base64, equal to the token's claim — hashed with
 * node:crypto rather than WebCrypto's asynchronous job. UNAUTHENTICATED for a body that does not
 * match, or one the SDK cannot decode; BAD_REQUEST for a signed body that is not JSON or has no
 * event id. */
export function receiveLiveKitWebhook(body: string, claims: ClaimGrants): WebhookEvent {
  if (typeof claims.sha256 !== "string" || createHash("sha256").update(body, "utf8").digest("base64") !== claims.sha256) {
    throw new AppError("UNAUTHENTICATED", "webhookSignatureInvalid");
  }
  let event: WebhookEvent;
  try {
    event = WebhookEvent.fromJson(JSON.parse(body), { ignoreUnknownFields: true });
  } catch (err) {
    // The body is parsed only after the signature and hash checked out.
    if (err instanceof SyntaxError) throw new AppError("BAD_REQUEST", "webhookNotJson");
    throw new AppError("UNAUTHENTICATED", "webhookSignatureInvalid");
  }
  if (!event.id) throw new AppError("BAD_REQUEST", "webhookWithoutId");
  return event;
}

export type WebhookOutcome = "applied" | "replayed" | "unknownRoom" | "unknownEgress" | "ignored" | "rejected";

/** Routes a verified event to its feature. Events nobody handles are acknowledged (200) so
 * LiveKit does not retry them. */
export async function dispatchLiveKitWebhook(event: WebhookEvent, receivedAt = new Date()): Promise<WebhookOutcome> {
  // Attendance counts the stage and its breakout rooms (rows marked with the breakout): waiting
  // backstage is not attending the forum. A backstage join is still checked against the forum's
  // rules; the rest of a backstage room's events change nothing.
  const kind = event.room?.name ? parseRoomName(event.room.name).kind : null;
  // A meeting's room is no forum's: nothing of it is attendance, recorded or broadcast; only who
  // joins it is checked (lib/meetings), and a LiveKit that cannot be reached is logged.
  if (kind === "meeting") {
    const outcome = await enforceMeetingJoin(event).catch((err) => console.error(`LiveKit webhook ${event.id}: meeting join not checked`, err));
    return outcome === "removed" ? "rejected" : "ignored";
  }
  if (kind === "backstage") {
    if (event.event !== "participant_joined") return "ignored";
    const outcome = await enforceJoin(event).catch((err) => console.error(`LiveKit webhook ${event.id}: backstage join not checked against the room's rules`, err));
    return outcome === "removed" ? "rejected" : "ignored";
  }
  if (isAttendanceEvent(event.event)) {
    const change = attendanceChange(event, receivedAt);
    if (!change) return "ignored";
    const outcome = await applyAttendanceChange(change);
    if (outcome === "unknownRoom") console.warn(`LiveKit webhook ${event.id} (${event.event}) for unknown room ${change.room}: ignored`);
    // Checked on every delivery, redeliveries included. The attendance is written either way (a
    // refused join was a join); a LiveKit that cannot be reached is logged, not a failed webhook.
    if (event.event === "participant_joined") {
      await enforceJoin(event).catch((err) => console.error(`LiveKit webhook ${event.id}: join not checked against the room's rules`, err));
      // A person on the stage and no captions worker come: ask again (lib/captions/control.ts).
      if (kind === "stage" && event.room?.name && event.participant?.kind !== AGENT_KIND) {
        await captionsOnStageJoin(event.room.name).catch((err) => console.error(`LiveKit webhook ${event.id}: captions not asked for again`, err));
      }
    }
    return outcome;
  }
  if (event.event.startsWith("egress_")) {
    // A recording's egress, else a broadcast's (the stage's or a channel's HLS, or a restream).
    const recorded = await applyEgressEvent(event);
    if (recorded !== "unknownEgress") return recorded;
    const broadcast = await applyBroadcastEgressEvent(event);
    if (broadcast === "unknownEgress") console.warn(`LiveKit webhook ${event.id} (${event.event}) for unknown egress ${event.egressInfo?.egressId}: ignored`);
    return broadcast;
  }
  if (event.event === "track_published" && event.room?.name) {
    // A track named for a channel by anyone the server did not put on duty there is muted, and
    // never recorded as the channel.
    const verdict = await enforceTrack(event).catch((err) => {
      console.error(`LiveKit webhook ${event.id}: track not checked against the room's rules`, err);
      return "unchecked" as const;
    });
    if (verdict === "rejected" || verdict === "unchecked") return "rejected";
    // An interpretation channel going live while its forum is recorded is recorded too.
    const started = await recordChannelIfRecording(event.room.name, event.track?.name).catch((err) => {
      console.error(`LiveKit webhook ${event.id}: channel recording not started`, err);
      return false;
    });
    return started ? "applied" : "ignored";
  }
  if (event.event === "room_started" && kind === "stage" && event.room?.name) {
    // Live captions of the forum's stage (lib/captions), from a captions worker if one runs.
    await captionsOnRoomStart(event.room.name).catch((err) => console.error(`LiveKit webhook ${event.id}: captions not asked for`, err));
    return "ignored";
  }
  // Other track_*, ingress_*, agent jobs: nothing to record.
  return "ignored";
}
