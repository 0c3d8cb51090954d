// GET /api/organizer/events/{slug}/chat.csv?session={id} — the chat of that session's forum room, UTF-8 with BOM (organizers)
import { exportChatCsv } from "@/lib/chat/export";
import { attendanceQuerySchema } from "@/lib/attendance/schema";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const { session } = attendanceQuerySchema.parse({ session: new URL(req.url).searchParams.get("session") ?? undefined });
  if (!session) throw new AppError("BAD_REQUEST", "sessionRequired");
  const { csv, filename } = await exportChatCsv(await getActor(), slug, session);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
