// GET /api/organizer/events/{slug}/attendance.csv?session={id} — one session's attendance, UTF-8 with BOM (organizers)
import { exportAttendanceCsv } from "@/lib/attendance/export";
import { attendanceQuerySchema } from "@/lib/attendance/schema";
import { getActor } from "@/lib/auth/current";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const query = attendanceQuerySchema.parse({ session: new URL(req.url).searchParams.get("session") ?? undefined });
  const { csv, filename } = await exportAttendanceCsv(await getActor(), slug, query);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
