// GET /api/events/{slug}/agenda — the published agenda as JSON (DESIGN.md contract)
import { NextResponse } from "next/server";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { agendaToJson } from "@/lib/agenda/serialize";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (_req, { slug }) => {
  const agenda = await getAgendaOrThrow(slug);
  return NextResponse.json(agendaToJson(agenda), { headers: { "cache-control": "public, max-age=15" } });
});
