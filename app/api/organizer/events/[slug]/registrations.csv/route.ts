// GET /api/organizer/events/{slug}/registrations.csv — every registration, UTF-8 with BOM (organizers)
import { getActor } from "@/lib/auth/current";
import { handle } from "@/lib/http/handler";
import { exportRegistrationsCsv } from "@/lib/registration/desk";

export const dynamic = "force-dynamic";

export const GET = handle<{ slug: string }>(async (_req, { slug }) => {
  const csv = await exportRegistrationsCsv(await getActor(), slug);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-registrations.csv"`,
      "cache-control": "no-store",
    },
  });
});
