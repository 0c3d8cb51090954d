// PUT /api/organizer/recordings/{id}/subtitles/{lang} — attach WebVTT or SRT subtitles (raw body,
// name in X-File-Name); DELETE removes them. Organizers only. A bad file answers 400 with the line.
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { langSchema } from "@/lib/agenda/schema";
import { getActor } from "@/lib/auth/current";
import { AppError, httpStatus } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/body";
import { assertSameOrigin, fileNameHeader, handle } from "@/lib/http/handler";
import { asOrganizerOf, deleteSubtitles, saveSubtitles } from "@/lib/recordings/mutations";
import { MAX_SUBTITLE_BYTES } from "@/lib/recordings/schema";

export const dynamic = "force-dynamic";

async function readText(req: Request): Promise<string> {
  const bytes = await readLimitedBody(req, MAX_SUBTITLE_BYTES, "subtitleTooLarge");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "subtitleInvalid", { line: 1, reason: "notUtf8", text: "" });
  }
}

export const PUT = handle<{ id: string; lang: string }>(async (req, { id, lang }) => {
  assertSameOrigin(req);
  const locale = langSchema.catch("en").parse(new URL(req.url).searchParams.get("locale"));
  const fileName = fileNameHeader(req);
  const actor = await getActor();
  // Who may attach subtitles is settled before a byte of the file is read.
  await asOrganizerOf(actor, id);
  try {
    const saved = await saveSubtitles(actor, id, lang, fileName, await readText(req));
    return NextResponse.json({ subtitles: saved });
  } catch (err) {
    if (!(err instanceof AppError) || !["subtitleInvalid", "subtitleTooLarge"].includes(err.message)) throw err;
    // The refusal in the organizer's language, naming the line that is wrong.
    const t = await getTranslations({ locale, namespace: "recordings.errors" });
    const line = err.details && "line" in err.details ? err.details : null;
    const text =
      err.message === "subtitleInvalid"
        ? t("subtitleInvalid", { line: line?.line ?? 1, reason: t(`subtitleReasons.${line?.reason ?? "notSubtitles"}`), text: line?.text ?? "" })
        : t("subtitleTooLarge");
    return NextResponse.json({ error: { code: err.code, message: err.message, details: err.details ?? {}, text } }, { status: httpStatus(err.code) });
  }
});

export const DELETE = handle<{ id: string; lang: string }>(async (req, { id, lang }) => {
  assertSameOrigin(req);
  await deleteSubtitles(await getActor(), id, lang);
  return new Response(null, { status: 204 });
});
