// GET /api/organizer/events/{slug}/agenda.xlsx — the draft agenda as an Excel workbook (organizers)
import { exportAgenda } from "@/lib/agenda/transfer/export";
import { exportQuerySchema } from "@/lib/agenda/transfer/schema";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer } from "@/lib/auth/session";
import { handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const { lang } = exportQuerySchema.parse({ lang: new URL(req.url).searchParams.get("lang") });
  const { eventId } = await requireOrganizer(await getActor(), slug);
  const file = await exportAgenda(eventId, "xlsx", lang);
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${slug}-agenda.xlsx"`,
      "cache-control": "no-store",
    },
  });
});
