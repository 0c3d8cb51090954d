// GET /api/speaker-photos/{storage}/{eventId}/{file} — a speaker's photo, public like the session pages showing it
import { Readable } from "node:stream";
import { photoMimeType } from "@/lib/agenda/editor/photos";
import { photoFilePattern, photoStorageKinds } from "@/lib/agenda/editor/photo-url";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handler";
import { getStorageOf, StorageNotFoundError } from "@/lib/storage";

export const dynamic = "force-dynamic";

export const GET = handle<{ kind: string; eventId: string; file: string }>(async (_req, { kind, eventId, file }) => {
  // An address no upload could have made names no photo (a storage kind we never write to included).
  const known = (photoStorageKinds as readonly string[]).includes(kind);
  if (!known || !photoFilePattern.test(file) || !/^[a-z0-9]+$/.test(eventId)) throw new AppError("NOT_FOUND", "photoNotFound");
  const storage = getStorageOf(kind);
  const key = `speaker-photos/${eventId}/${file}`;
  const type = photoMimeType(file);
  if (storage.downloadUrl) {
    const location = await storage.downloadUrl(key, { contentType: type, contentDisposition: "inline", expiresInSeconds: 300 });
    return new Response(null, { status: 302, headers: { location, "cache-control": "public, max-age=240" } });
  }
  const object = await storage.get(key).catch((err) => {
    if (err instanceof StorageNotFoundError) throw new AppError("NOT_FOUND", "photoNotFound");
    throw err;
  });
  return new Response(Readable.toWeb(object.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": type,
      "content-length": String(object.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox",
      // The name is random and never reused: the bytes behind it never change.
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
});
