// POST /api/livekit/webhook — LiveKit's signed webhooks (attendance; recordings to come); 401 unsigned, replays change nothing
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { dispatchLiveKitWebhook, MAX_WEBHOOK_BYTES, receiveLiveKitWebhook } from "@/lib/webhooks/livekit";

export const dynamic = "force-dynamic";

export const POST = handle<Record<string, never>>(async (req) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "webhookTooLarge");
  // The signature covers the exact bytes LiveKit sent, so the body is read as text, never re-serialized.
  const body = await req.text();
  if (body.length > MAX_WEBHOOK_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "webhookTooLarge");
  const event = await receiveLiveKitWebhook(body, req.headers.get("authorization"));
  const outcome = await dispatchLiveKitWebhook(event);
  return NextResponse.json({ id: event.id, event: event.event, outcome }, { headers: UNCACHED_SMALL });
});
