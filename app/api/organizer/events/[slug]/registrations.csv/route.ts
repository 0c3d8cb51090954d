// GET /api/organizer/events/{slug}/registrations.csv?{desk filters}&lang=&tz= — the registrations the
// desk shows, in the console's language with times in one zone, UTF-8 with BOM (organizers)
import { getActor } from "@/lib/auth/current";
import { firstValues } from "@/lib/agenda/schema";
import { exportOptionsSchema } from "@/lib/exports/schema";
import { handle } from "@/lib/http/handler";
import { deskQuerySchema } from "@/lib/registration/desk";
import { exportRegistrationsCsv } from "@/lib/registration/export";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (req, { slug }) => {
  const params = firstValues(Object.fromEntries(new URL(req.url).searchParams));
  const { csv, filename } = await exportRegistrationsCsv(await getActor(), slug, deskQuerySchema.parse(params), exportOptionsSchema.parse(params));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
