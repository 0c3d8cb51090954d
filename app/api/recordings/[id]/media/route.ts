// GET /api/recordings/{id}/media[?channel=ko|zh|en] — a recording's video (or one interpretation
// channel's audio) for a viewer allowed to watch it, checked on every request. Local files stream
// with HTTP Range support (206, 416); S3 objects redirect to a short-lived presigned URL.
import { buffer } from "node:stream/consumers";
import { ReadableStream as NodeReadableStream } from "node:stream/web";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handler";
import { languageSchema } from "@/lib/recordings/schema";
import { getMediaSource, markMissing } from "@/lib/recordings/data";
import { contentRange, parseRange, unsatisfiedRange } from "@/lib/recordings/range";
import { getStorageOf, StorageNotFoundError } from "@/lib/storage";

export const dynamic = "force-dynamic";

/** How long a presigned URL lasts: long enough to start playing, not to pass around. */
const PRESIGNED_SECONDS = 300;

/** Reads up to this size are answered from one buffer. */
const SMALL_READ_BYTES = 512 * 1024;

const common = {
  "accept-ranges": "bytes",
  "x-content-type-options": "nosniff",
  // Permission is checked per request: no shared cache may keep the bytes.
  "cache-control": "private, no-cache",
};

export const GET = handle<{ id: string }>(async (req, { id }) => {
  const channelParam = new URL(req.url).searchParams.get("channel");
  const parsed = languageSchema.nullable().safeParse(channelParam);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "channelUnknown");
  const channel = parsed.data;
  const source = await getMediaSource(getActor, id, channel);
  const storage = getStorageOf(source.storage);
  const missing = async () => {
    await markMissing(source);
    return new AppError("NOT_FOUND", "recordingFileMissing");
  };
  if (storage.downloadUrl) {
    if (!(await storage.exists(source.key))) throw await missing();
    const location = await storage.downloadUrl(source.key, { contentType: source.mimeType, contentDisposition: "inline", expiresInSeconds: PRESIGNED_SECONDS });
    return new Response(null, { status: 302, headers: { location, "cache-control": "private, no-store" } });
  }
  const size = await storage.size(source.key);
  if (size === null) throw await missing();
  const range = parseRange(req.headers.get("range"), size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...common, "content-range": unsatisfiedRange(size) } });
  }
  const object = await storage.get(source.key, range.kind === "range" ? { start: range.start, end: range.end } : undefined).catch(async (err) => {
    if (err instanceof StorageNotFoundError) throw await missing();
    throw err;
  });
  const headers: Record<string, string> = { ...common, "content-type": source.mimeType, "content-length": String(object.length) };
  if (range.kind === "range") headers["content-range"] = contentRange(range.start, range.end, size);
  // A seek's read is small: one buffer is cheaper than a stream through Next's pipeline.
  if (object.length <= SMALL_READ_BYTES) return new Response(new Uint8Array(await buffer(object.stream)), { status: range.kind === "range" ? 206 : 200, headers });
  // A client that goes away (a seek) cancels the body, which destroys the file stream.
  // (Readable.toWeb on Node 20 still pushes into a cancelled stream and throws: nodejs/node#54205.)
  const body = NodeReadableStream.from(object.stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: range.kind === "range" ? 206 : 200, headers });
});
