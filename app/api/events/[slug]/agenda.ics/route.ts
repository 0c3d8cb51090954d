// GET /api/events/{slug}/agenda.ics?lang= — the whole agenda as an RFC 5545 calendar
import { agendaCalendar } from "@/lib/agenda/calendar";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { calendarQuerySchema } from "@/lib/agenda/schema";
import { getEnv } from "@/lib/env";
import { calendarResponse, handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const { lang } = calendarQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const agenda = await getAgendaOrThrow(slug);
  return calendarResponse(agendaCalendar(agenda, lang, getEnv().PUBLIC_BASE_URL), `${slug}.ics`, "public");
});
