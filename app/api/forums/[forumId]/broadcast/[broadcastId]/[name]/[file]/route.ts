// GET /api/forums/{forumId}/broadcast/{broadcastId}/{stage|ko|zh|en}/{file}[?token=…] — a media
// playlist (short-lived: public, max-age=1) or a segment (immutable) of a broadcast, as Egress
// wrote them, so a CDN in front answers the audience once per file. Same access as the master.
import { getCookieActor } from "@/lib/auth/current";
import { getBroadcastFile } from "@/lib/broadcast/data";
import { hlsResponse } from "@/lib/broadcast/http";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ forumId: string; broadcastId: string; name: string; file: string }>(async (req, { forumId, broadcastId, name, file }) => {
  const token = new URL(req.url).searchParams.get("token");
  const actor = token ? null : await getCookieActor();
  return hlsResponse(await getBroadcastFile(actor, forumId, broadcastId, name, file, token));
});
