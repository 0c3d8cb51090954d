// GET /api/organizer/events/{slug}/polls.csv?session={id}&lang=&tz= — the results of the session's launched polls, one row per option,
// in the console's language with times in one zone, UTF-8 with BOM (organizers)
import { attendanceQuerySchema } from "@/lib/attendance/schema";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { exportOptionsSchema } from "@/lib/exports/schema";
import { handle } from "@/lib/http/handler";
import { exportPollsCsv } from "@/lib/polls/export";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const { session } = attendanceQuerySchema.parse({ session: params.session });
  if (!session) throw new AppError("BAD_REQUEST", "sessionRequired");
  const { csv, filename } = await exportPollsCsv(await getActor(), slug, session, exportOptionsSchema.parse(params));
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
});
