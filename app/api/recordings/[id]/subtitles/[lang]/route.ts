// GET /api/recordings/{id}/subtitles/{lang} — one language's subtitles as WebVTT, for viewers
// allowed to watch the recording.
import { getActor } from "@/lib/auth/current";
import { handle } from "@/lib/http/handler";
import { getSubtitleForViewer } from "@/lib/recordings/data";
import { languageSchema } from "@/lib/recordings/schema";

export const dynamic = "force-dynamic";

export const GET = handle<{ id: string; lang: string }>(async (_req, { id, lang }) => {
  const vtt = await getSubtitleForViewer(await getActor(), id, languageSchema.parse(lang));
  return new Response(vtt, { headers: { "content-type": "text/vtt; charset=utf-8", "cache-control": "private, no-cache", "x-content-type-options": "nosniff" } });
});
