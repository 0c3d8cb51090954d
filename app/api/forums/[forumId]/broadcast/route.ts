// GET /api/forums/{forumId}/broadcast[?lang=ko|zh|en] — what the watch page polls: the broadcast on
// air (or null), its HLS master playlist's URL for this viewer, and the session on stage.
// 401 signed out / 403 not admitted for a registered-only forum; 404 for a forum not published.
import { NextResponse } from "next/server";
import { getCookieActor } from "@/lib/auth/current";
import { getBroadcastState } from "@/lib/broadcast/data";
import { handle, UNCACHED_SMALL } from "@/lib/http/handler";
import { localeParam } from "@/lib/broadcast/http";

export const dynamic = "force-dynamic";

export const GET = handle<{ forumId: string }>(async (req, { forumId }) => {
  const state = await getBroadcastState(await getCookieActor(), forumId, localeParam(req));
  return NextResponse.json(state, { headers: UNCACHED_SMALL });
});
