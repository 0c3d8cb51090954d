// GET /api/forums/{forumId}/broadcast/{broadcastId}/captions/{floor|ko|zh|en}.m3u8[?token=…] — a
// live captions rendition's media playlist, segment for segment with the stage's; and
// …/captions/{rendition}-{sequence}.vtt — the WebVTT of one stage segment's captions, on the
// stage's clock (X-TIMESTAMP-MAP). Same access as the master playlist; 404 when captions are off.
import { getCookieActor } from "@/lib/auth/current";
import { getCaptionsFile } from "@/lib/broadcast/captions";
import { hlsResponse } from "@/lib/broadcast/http";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ forumId: string; broadcastId: string; file: string }>(async (req, { forumId, broadcastId, file }) => {
  const token = new URL(req.url).searchParams.get("token");
  const actor = token ? null : await getCookieActor();
  return hlsResponse(await getCaptionsFile(actor, forumId, broadcastId, file, token));
});
