// POST /api/organizer/sessions/{id}/materials — upload one material (raw body, name in X-File-Name), organizers only
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { langSchema } from "@/lib/agenda/schema";
import { getActor } from "@/lib/auth/current";
import { AppError, httpStatus } from "@/lib/errors";
import { assertSameOrigin, fileNameHeader, handle } from "@/lib/http/handler";
import { MAX_MATERIAL_BYTES } from "@/lib/materials/file-types";
import { uploadMaterial } from "@/lib/materials/mutations";

export const dynamic = "force-dynamic";

export const POST = handle<{ id: string }>(async (req, { id }) => {
  assertSameOrigin(req);
  const query = new URL(req.url).searchParams;
  const locale = langSchema.catch("en").parse(query.get("locale"));
  const length = req.headers.get("content-length");
  try {
    const material = await uploadMaterial(await getActor(), id, {
      fileName: fileNameHeader(req),
      title: { ko: query.get("titleKo") ?? "", zh: query.get("titleZh") ?? "", en: query.get("titleEn") ?? "" },
      visibility: (query.get("visibility") || undefined) as "registered" | undefined,
      declaredBytes: length ? Number(length) : null,
      body: req.body ? Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) : Readable.from([]),
    });
    return NextResponse.json({ material }, { status: 201 });
  } catch (err) {
    const refused = err instanceof AppError && (err.code === "PAYLOAD_TOO_LARGE" || err.code === "UNSUPPORTED_MEDIA_TYPE");
    if (!refused) throw err;
    // The refusal in the uploader's language, for clients that show the server's text.
    const t = await getTranslations({ locale, namespace: "materials.errors" });
    const text = t(err.message, { max: MAX_MATERIAL_BYTES / 1024 / 1024 });
    return NextResponse.json({ error: { code: err.code, message: err.message, text } }, { status: httpStatus(err.code) });
  }
});
