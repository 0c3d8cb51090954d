// GET /api/events/{slug}/agenda — the published agenda as JSON (DESIGN.md contract), from the
// instance's kept copy (lib/agenda/public.ts): the body is written once per change, not per request.
import { getPublicAgenda } from "@/lib/agenda/public";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (_req, { slug }) => {
  const { json } = await getPublicAgenda(slug);
  return new Response(json, { headers: { "content-type": "application/json", "cache-control": "public, max-age=15" } });
});
