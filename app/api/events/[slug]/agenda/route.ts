// GET /api/events/{slug}/agenda — the published agenda as JSON (DESIGN.md contract). The same for
// every caller, so Next keeps each event's answer and writes it again at most every 10 s, from
// the instance's kept copy of the agenda (lib/agenda/public.ts).
import { getPublicAgenda } from "@/lib/agenda/public";
import { handle } from "@/lib/http/handler";

export const revalidate = 10;

// None at build time (no database then): each event's answer is made on its first request.
export function generateStaticParams() {
  return [];
}

export const GET = handle<{ slug: string }>(async (_req, { slug }) => {
  const { json } = await getPublicAgenda(slug);
  return new Response(json, { headers: { "content-type": "application/json" } });
});
