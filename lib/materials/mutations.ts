// Writes of materials: upload (type and size checked while streaming), change, delete. Organizers
// of the session's event only; every change is audited in the row's transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import { requireActor, requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStorage, getStorageOf, StorageLimitError } from "@/lib/storage";
import { sanitizeFileName } from "./file-name";
import { contentMatches, MAX_MATERIAL_BYTES, SNIFF_BYTES, typeForFileName } from "./file-types";
import { getSessionEventOrThrow } from "./data";
import { readHead } from "./head";
import { materialUpdateSchema, uploadMetaSchema, type MaterialUpdate, type UploadMeta } from "./schema";

export interface UploadInput extends UploadMeta {
  body: AsyncIterable<Uint8Array>;
  /** Content-Length, when the client sent one: refuses an oversized file before reading it. */
  declaredBytes?: number | null;
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "fileTooLarge");
const badType = () => new AppError("UNSUPPORTED_MEDIA_TYPE", "fileTypeRefused");

async function organizerOfSession(actor: Actor | null, sessionId: string) {
  requireActor(actor);
  const session = await getSessionEventOrThrow(sessionId);
  const { eventId, actor: organizer } = await requireOrganizer(actor, session.event.slug);
  return { eventId, organizer };
}

export async function uploadMaterial(actor: Actor | null, sessionId: string, input: UploadInput) {
  const { eventId, organizer } = await organizerOfSession(actor, sessionId);
  const meta = uploadMetaSchema.parse(input);
  const fileName = sanitizeFileName(meta.fileName);
  const type = typeForFileName(fileName);
  if (!type) throw badType();
  if (input.declaredBytes != null && input.declaredBytes > MAX_MATERIAL_BYTES) throw tooLarge();
  // Nothing is stored until the first bytes prove the extension right.
  const { head, complete, all } = await readHead(input.body, SNIFF_BYTES);
  if (!contentMatches(type, head, complete)) throw badType();

  const storage = getStorage();
  const storageKey = `materials/${sessionId}/${randomUUID()}`;
  let size: number;
  try {
    ({ size } = await storage.put(storageKey, all, { maxBytes: MAX_MATERIAL_BYTES, contentType: type.mimeType }));
  } catch (err) {
    if (err instanceof StorageLimitError) throw tooLarge();
    throw err;
  }
  const title = Object.values(meta.title).some(Boolean) ? meta.title : { ko: fileName, zh: fileName, en: fileName };
  try {
    return await db.$transaction(async (tx) => {
      const material = await tx.material.create({
        data: { sessionId, title, fileName, mimeType: type.mimeType, sizeBytes: BigInt(size), storage: storage.kind, storageKey, visibility: meta.visibility, uploadedById: organizer.userId },
        select: { id: true },
      });
      await audit(tx, {
        eventId,
        actorId: organizer.userId,
        action: "material.uploaded",
        entityType: "material",
        entityId: material.id,
        data: { sessionId, fileName, sizeBytes: size, visibility: meta.visibility },
      });
      return { id: material.id, fileName, mimeType: type.mimeType, sizeBytes: size, visibility: meta.visibility, title };
    });
  } catch (err) {
    // No row, no file: an object nobody can reach is only clutter.
    await storage.delete(storageKey).catch(() => {});
    throw err;
  }
}

async function organizerOfMaterial(actor: Actor | null, id: string) {
  const material = await db.material.findUnique({ where: { id }, select: { sessionId: true } });
  if (!material) throw new AppError("NOT_FOUND", "materialNotFound");
  return organizerOfSession(actor, material.sessionId);
}

export async function updateMaterial(actor: Actor | null, id: string, raw: MaterialUpdate) {
  const { eventId, organizer } = await organizerOfMaterial(actor, id);
  const input = materialUpdateSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.material.findUnique({ where: { id }, select: { title: true, visibility: true, fileName: true } });
    if (!before) throw new AppError("NOT_FOUND", "materialNotFound");
    const title = Object.values(input.title).some(Boolean) ? input.title : { ko: before.fileName, zh: before.fileName, en: before.fileName };
    await tx.material.update({ where: { id }, data: { title, visibility: input.visibility } });
    await audit(tx, {
      eventId,
      actorId: organizer.userId,
      action: "material.updated",
      entityType: "material",
      entityId: id,
      data: { from: { title: before.title as object, visibility: before.visibility }, to: { title, visibility: input.visibility } },
    });
  });
}

export async function deleteMaterial(actor: Actor | null, id: string) {
  const { eventId, organizer } = await organizerOfMaterial(actor, id);
  const removed = await db.$transaction(async (tx) => {
    const material = await tx.material.findUnique({ where: { id }, select: { storage: true, storageKey: true, fileName: true, sessionId: true } });
    if (!material) throw new AppError("NOT_FOUND", "materialNotFound");
    await tx.material.delete({ where: { id } });
    await audit(tx, { eventId, actorId: organizer.userId, action: "material.deleted", entityType: "material", entityId: id, data: { sessionId: material.sessionId, fileName: material.fileName } });
    return material;
  });
  // After the commit: a failed delete leaves an orphan file, never a row without its file.
  await getStorageOf(removed.storage).delete(removed.storageKey);
}
