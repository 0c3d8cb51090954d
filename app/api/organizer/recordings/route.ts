// POST /api/organizer/recordings?forumId=…[&sessionId=…&durationMs=…&startedAt=…&visibility=…]
// — upload a recording made elsewhere (MP4 / WebM) as the raw request body, name in X-File-Name;
// organizers of the forum's event only. Streams to storage with the size limit enforced as it reads.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { langSchema } from "@/lib/agenda/schema";
import { getActor } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { AppError, httpStatus } from "@/lib/errors";
import { assertSameOrigin, fileNameHeader, handle } from "@/lib/http/handler";
import { uploadRecording } from "@/lib/recordings/mutations";
import { parseInstant } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const query = new URL(req.url).searchParams;
  const locale = langSchema.catch("en").parse(query.get("locale"));
  const length = req.headers.get("content-length");
  const duration = query.get("durationMs");
  // A start time that is given must be a real instant: never quietly read as "unknown".
  const startedAt = parseInstant(query.get("startedAt"));
  if (query.get("startedAt") && !startedAt) throw new AppError("BAD_REQUEST", "invalidTime");
  try {
    const recording = await uploadRecording(await getActor(), {
      fileName: fileNameHeader(req),
      forumId: query.get("forumId") ?? "",
      sessionId: query.get("sessionId") || null,
      durationMs: duration ? Math.round(Number(duration)) || null : null,
      startedAt,
      visibility: (query.get("visibility") || undefined) as "registered" | undefined,
      declaredBytes: length ? Number(length) : null,
      body: req.body ? Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) : Readable.from([]),
    });
    return NextResponse.json({ recording }, { status: 201 });
  } catch (err) {
    // The uploader cancelled (or lost the connection): nothing was kept, and nobody is listening.
    if (req.signal.aborted) return new Response(null, { status: 400 });
    const refused = err instanceof AppError && (err.code === "PAYLOAD_TOO_LARGE" || err.code === "UNSUPPORTED_MEDIA_TYPE");
    if (!refused) throw err;
    const t = await getTranslations({ locale, namespace: "recordings.errors" });
    const text = t(err.message, { max: getEnv().RECORDING_UPLOAD_MAX_MB });
    return NextResponse.json({ error: { code: err.code, message: err.message, text } }, { status: httpStatus(err.code) });
  }
});
