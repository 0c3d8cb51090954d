// POST /api/organizer/events/{slug}/speaker-photos — upload a speaker's photo (raw body, name in X-File-Name)
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { NextResponse } from "next/server";
import { uploadSpeakerPhoto } from "@/lib/agenda/editor/photos";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, handle } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const POST = handle<{ slug: string }>(async (req, { slug }) => {
  assertSameOrigin(req);
  const { eventId, actor } = await requireOrganizer(await getActor(), slug);
  let fileName: string;
  try {
    fileName = decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    throw new AppError("BAD_REQUEST", "fileNameMissing");
  }
  const length = req.headers.get("content-length");
  const result = await uploadSpeakerPhoto(eventId, actor, {
    fileName,
    declaredBytes: length ? Number(length) : null,
    body: req.body ? Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>) : Readable.from([]),
  });
  return NextResponse.json(result, { status: 201 });
});
