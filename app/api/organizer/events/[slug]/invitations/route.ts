// POST /api/organizer/events/{slug}/invitations — import an invitation CSV (multipart "file"), organizers only
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, handle } from "@/lib/http/handler";
import { langSchema } from "@/lib/agenda/schema";
import { importInvitations, MAX_CSV_BYTES } from "@/lib/registration/invitations";

export const dynamic = "force-dynamic";

export const POST = handle<{ slug: string }>(async (req, { slug }) => {
  assertSameOrigin(req);
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const form = await req.formData();
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "csvMissing");
  if (file.size > MAX_CSV_BYTES) throw new AppError("BAD_REQUEST", "csvTooLarge");
  const locale = langSchema.catch("en").parse(form.get("locale"));
  const report = await importInvitations(actor, slug, await file.text(), locale);
  const accepted = !report.fileProblem && report.rows.every((r) => r.problems.length === 0);
  return NextResponse.json(report, { status: accepted ? 200 : 422 });
});
