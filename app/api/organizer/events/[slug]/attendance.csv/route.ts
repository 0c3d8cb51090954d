// GET /api/organizer/events/{slug}/attendance.csv?session={id}&lang=&tz= — one session's attendance in
// the console's language with times in one zone, UTF-8 with BOM (organizers)
import { exportAttendanceCsv } from "@/lib/attendance/export";
import { attendanceQuerySchema } from "@/lib/attendance/schema";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer } from "@/lib/auth/session";
import { exportOptionsSchema } from "@/lib/exports/schema";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const query = attendanceQuerySchema.parse({ session: params.session });
  const options = exportOptionsSchema.parse(params);
  const { csv, filename } = await exportAttendanceCsv(await requireOrganizer(await getActor(), slug), query, options);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
