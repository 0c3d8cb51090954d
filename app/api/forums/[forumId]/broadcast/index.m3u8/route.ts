// GET /api/forums/{forumId}/broadcast/index.m3u8[?lang=…&token=…] — the HLS master playlist of the
// forum's broadcast on air: the stage (video and floor audio) and one audio rendition per
// interpretation channel (EXT-X-MEDIA TYPE=AUDIO, LANGUAGE="ko|zh|en") and, when the forum is
// captioned, its live captions (TYPE=SUBTITLES: the floor's and one per event language). A
// registered-only forum needs the token the watch page hands out, or the viewer's own session.
// 404 when off air.
import { getCookieActor } from "@/lib/auth/current";
import { getMasterPlaylist } from "@/lib/broadcast/data";
import { hlsResponse, localeParam } from "@/lib/broadcast/http";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ forumId: string }>(async (req, { forumId }) => {
  const url = new URL(req.url);
  const token = url.searchParams.get("token");
  // The token alone admits: the viewer's cookie is read only without one.
  const actor = token ? null : await getCookieActor();
  return hlsResponse(await getMasterPlaylist(actor, forumId, token, localeParam(req)));
});
