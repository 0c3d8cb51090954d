// POST /api/meetings/{id}/token — join token for a one-to-one meeting's room → {"serverUrl","roomName","participantName","participantToken"}
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/current";
import { requireActor } from "@/lib/auth/session";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { issueMeetingToken } from "@/lib/meetings/room";
import { meetingIdSchema } from "@/lib/meetings/schema";

export const dynamic = "force-dynamic";

// No body and no same-origin check: issuing a token changes nothing, and another site cannot read
// the answer. getActor: a cookie of a session ended since (signed out, reset) gets nothing.
export const POST = handle<{ id: string }>(async (_req, { id }) => {
  const actor = requireActor(await getActor());
  const token = await issueMeetingToken(actor, meetingIdSchema.parse(id));
  return NextResponse.json(token, { headers: UNCACHED_SMALL });
});
