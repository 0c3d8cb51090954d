// POST /api/organizer/events/{slug}/agenda/import — check or import an agenda spreadsheet (multipart "file", "mode"), organizers only
import { NextResponse } from "next/server";
import { importAgenda } from "@/lib/agenda/transfer/import";
import { importModeSchema } from "@/lib/agenda/transfer/schema";
import { MAX_FILE_BYTES } from "@/lib/agenda/transfer/workbook";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readLimitedForm } from "@/lib/http/body";
import { assertSameOrigin, handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = handle<{ slug: string }>(async (req, { slug }) => {
  assertSameOrigin(req);
  const { eventId, actor } = await requireOrganizer(await getActor(), slug);
  // Read no further than the limit, whether or not a Content-Length says so; the multipart envelope adds a little.
  const form = await readLimitedForm(req, MAX_FILE_BYTES + 64 * 1024, "fileTooLarge");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("BAD_REQUEST", "fileMissing");
  if (file.size > MAX_FILE_BYTES) throw new AppError("BAD_REQUEST", "fileTooLarge");
  const mode = importModeSchema.parse(form.get("mode"));
  const report = await importAgenda(eventId, actor, new Uint8Array(await file.arrayBuffer()), { apply: mode === "import" });
  return NextResponse.json(report, { status: report.ok ? 200 : 422 });
});
