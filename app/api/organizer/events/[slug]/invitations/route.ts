// POST /api/organizer/events/{slug}/invitations — import an invitation CSV (multipart "file"), organizers only
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readLimitedForm } from "@/lib/http/body";
import { assertSameOrigin, handle } from "@/lib/http/handler";
import { importInvitations, MAX_CSV_BYTES } from "@/lib/registration/invitations";

export const dynamic = "force-dynamic";

/** The multipart envelope (boundaries, the other fields) around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export const POST = handle<{ slug: string }>(async (req, { slug }) => {
  assertSameOrigin(req);
  // Organizers only, decided before the upload is read; then read no further than the limit.
  const { actor } = await requireOrganizer(await getActor(), slug);
  const form = await readLimitedForm(req, MAX_CSV_BYTES + ENVELOPE_BYTES, "csvTooLarge");
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "csvMissing");
  if (file.size > MAX_CSV_BYTES) throw new AppError("BAD_REQUEST", "csvTooLarge");
  const report = await importInvitations(actor, slug, await file.text());
  const accepted = !report.fileProblem && report.rows.every((r) => r.problems.length === 0);
  return NextResponse.json(report, { status: accepted ? 200 : 422 });
});
