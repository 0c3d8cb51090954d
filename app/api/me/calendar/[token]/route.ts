// GET /api/me/calendar/{token} — a person's own agenda as a subscribable RFC 5545 feed
import { calendarResponse, handle, originOf } from "@/lib/http/handler";
import { getPersonalCalendar } from "@/lib/registration/me";

export const dynamic = "force-dynamic";

export const GET = handle<{ token: string }>(async (req, { token }) => {
  const { ics, slug } = await getPersonalCalendar(token, originOf(req));
  return calendarResponse(ics, `${slug}-my-agenda.ics`);
});
