// POST /api/forums/{forumId}/broadcast/token — the audience's WebRTC token for the forum's stage:
// hidden and subscribe-only → {"serverUrl","roomName","participantToken"}. 401 signed out and 403
// not admitted (registered-only forum), 403 `webrtcOff`, 409 `broadcastOffAir`, 429 too many.
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { issueAudienceToken } from "@/lib/broadcast/token";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { clientIp } from "@/lib/rate-limit/limit";

export const dynamic = "force-dynamic";

// No body and no same-origin check: a token changes nothing, and another site cannot read the answer.
export const POST = handle<{ forumId: string }>(async (req, { forumId }) => {
  const token = await issueAudienceToken(await getCookieActor(), forumId, clientIp(req.headers));
  return NextResponse.json(token, { headers: UNCACHED_SMALL });
});
