// POST /api/livekit/token — join token for a forum stage: {"sessionId", "room"?: "stage"|"backstage"|"breakout", "breakoutId"?} → {"serverUrl","roomName","participantName","participantToken"}
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readLimitedText } from "@/lib/http/body";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { tokenRequestSchema } from "@/lib/rooms/schema";
import { issueStageToken } from "@/lib/rooms/token";
import { issueBreakoutToken } from "@/lib/breakouts/token";

export const dynamic = "force-dynamic";

// No same-origin check: issuing a token changes nothing, and another site cannot read the answer.
export const POST = handle(async (req) => {
  // One read for the whole check: issueStageToken reads the registration with the account.
  const actor = requireActor(await getCookieActor());
  // {"sessionId": "…"} is a few dozen bytes: a body past 4 KB is not read to its end.
  const text = await readLimitedText(req, 4096, "tokenRequestTooLarge");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "invalidJson");
  }
  const { sessionId, room, breakoutId } = tokenRequestSchema.parse(body);
  const token = room === "breakout" ? await issueBreakoutToken(actor, sessionId, breakoutId ?? null) : await issueStageToken(actor, sessionId, undefined, room);
  return NextResponse.json(token, { headers: UNCACHED_SMALL });
});
