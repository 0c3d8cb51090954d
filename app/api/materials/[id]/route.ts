// GET /api/materials/{id} — download a material when its visibility allows this viewer
import { Readable } from "node:stream";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/handler";
import { getMaterialForDownload } from "@/lib/materials/data";
import { contentDisposition } from "@/lib/materials/file-name";
import { getStorageOf, StorageNotFoundError } from "@/lib/storage";

export const dynamic = "force-dynamic";

export const GET = handle<{ id: string }>(async (_req, { id }) => {
  const material = await getMaterialForDownload(await getActor(), id);
  const storage = getStorageOf(material.storage);
  const disposition = contentDisposition(material.fileName);
  if (storage.downloadUrl) {
    // The permission was checked just now; the presigned URL lives only long enough to follow.
    const location = await storage.downloadUrl(material.storageKey, { contentType: material.mimeType, contentDisposition: disposition, expiresInSeconds: 60 });
    return new Response(null, { status: 302, headers: { location, "cache-control": "private, no-store" } });
  }
  const object = await storage.get(material.storageKey).catch((err) => {
    if (err instanceof StorageNotFoundError) throw new AppError("NOT_FOUND", "materialNotFound");
    throw err;
  });
  return new Response(Readable.toWeb(object.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": material.mimeType,
      "content-length": String(object.length),
      "content-disposition": disposition,
      "x-content-type-options": "nosniff",
      // Opened directly anyway, the file runs no script and reaches no origin of ours.
      "content-security-policy": "sandbox",
      "cache-control": "private, no-cache",
    },
  });
});
