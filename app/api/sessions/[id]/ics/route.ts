// GET /api/sessions/{id}/ics?lang= — one session as an RFC 5545 calendar
import { sessionCalendar } from "@/lib/agenda/calendar";
import { getSessionContextOrThrow } from "@/lib/agenda/data";
import { calendarQuerySchema } from "@/lib/agenda/schema";
import { getEnv } from "@/lib/env";
import { calendarResponse, handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ id: string }>(async (req, { id }) => {
  const { lang } = calendarQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { agenda, forum, session } = await getSessionContextOrThrow(id);
  return calendarResponse(sessionCalendar(agenda, forum, session, lang, getEnv().PUBLIC_BASE_URL), `session-${id}.ics`, "public");
});
