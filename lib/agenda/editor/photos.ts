// Speakers' photos: small PNG/JPEG images organizers upload, stored beside materials and served
// publicly (they appear on public session pages). The content must prove its image type.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentMatches, SNIFF_BYTES, typeForFileName } from "@/lib/materials/file-types";
import { readHead } from "@/lib/materials/head";
import { getStorage, StorageLimitError } from "@/lib/storage";

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export const photoMimeType = (file: string) => (file.endsWith(".png") ? "image/png" : "image/jpeg");

export async function uploadSpeakerPhoto(eventId: string, actor: Actor, input: { fileName: string; body: AsyncIterable<Uint8Array>; declaredBytes: number | null }): Promise<{ url: string }> {
  const type = typeForFileName(input.fileName);
  if (!type || !type.mimeType.startsWith("image/")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "photoTypeRefused");
  if (input.declaredBytes !== null && input.declaredBytes > MAX_PHOTO_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "photoTooLarge");
  const { head, complete, all } = await readHead(input.body, SNIFF_BYTES);
  if (!contentMatches(type, head, complete)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "photoTypeRefused");
  const storage = getStorage();
  const file = `${randomUUID()}.${type.extension === "png" ? "png" : "jpg"}`;
  const key = `speaker-photos/${eventId}/${file}`;
  try {
    await storage.put(key, all, { maxBytes: MAX_PHOTO_BYTES, contentType: type.mimeType });
  } catch (err) {
    if (err instanceof StorageLimitError) throw new AppError("PAYLOAD_TOO_LARGE", "photoTooLarge");
    throw err;
  }
  await db.$transaction((tx) => audit(tx, { eventId, actorId: actor.userId, action: "speaker.photoUploaded", entityType: "event", entityId: eventId, data: { key } }));
  return { url: `/api/speaker-photos/${storage.kind}/${eventId}/${file}` };
}
