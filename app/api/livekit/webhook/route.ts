// POST /api/livekit/webhook — LiveKit's signed webhooks (attendance, recordings, interpretation tracks); 401 unsigned, replays change nothing
import { NextResponse } from "next/server";
import { readLimitedText } from "@/lib/http/body";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { authorizeLiveKitWebhook, dispatchLiveKitWebhook, MAX_WEBHOOK_BYTES, receiveLiveKitWebhook } from "@/lib/webhooks/livekit";

export const dynamic = "force-dynamic";

export const POST = handle<Record<string, never>>(async (req) => {
  const authorization = req.headers.get("authorization");
  // Unsigned requests end here, unread; a signed body is read up to the limit and no further.
  const claims = await authorizeLiveKitWebhook(authorization);
  // The signature covers the exact bytes LiveKit sent, so the body is read as text, never re-serialized.
  const body = await readLimitedText(req, MAX_WEBHOOK_BYTES, "webhookTooLarge");
  const event = receiveLiveKitWebhook(body, claims);
  const outcome = await dispatchLiveKitWebhook(event);
  return NextResponse.json({ id: event.id, event: event.event, outcome }, { headers: UNCACHED_SMALL });
});
