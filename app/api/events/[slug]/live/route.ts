// GET /api/events/{slug}/live — server-sent session statuses of a published event (snapshot, then changes)
import { handle } from "@/lib/http/handler";
import { openLiveStream, sseHeaders } from "@/lib/agenda/live/stream";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  return new Response(await openLiveStream(slug, req.signal), { headers: sseHeaders });
});
