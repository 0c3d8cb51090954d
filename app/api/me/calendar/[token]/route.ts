// GET /api/me/calendar/{token} — a person's own agenda as a subscribable RFC 5545 feed
import { getEnv } from "@/lib/env";
import { calendarResponse, handle } from "@/lib/http/handler";
import { getPersonalCalendar } from "@/lib/registration/me";

export const dynamic = "force-dynamic";

export const GET = handle<{ token: string }>(async (_req, { token }) => {
  const { ics, slug } = await getPersonalCalendar(token, getEnv().PUBLIC_BASE_URL);
  return calendarResponse(ics, `${slug}-my-agenda.ics`, "personal");
});
