// Organizers' writes to recordings: who may watch and whether it is published, chapters,
// subtitles, uploads of recordings made elsewhere, and deletion with its files. Every write checks
// on the server that the actor organizes the recording's event and is audited in its transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readHead } from "@/lib/materials/head";
import { sanitizeFileName } from "@/lib/materials/file-name";
import { getStorage, getStorageOf, StorageLimitError } from "@/lib/storage";
import { extensionMatches, sniffRecording, SNIFF_BYTES } from "./file-types";
import { uploadKey } from "./keys";
import { chaptersSchema, languageSchema, recordingSettingsSchema, uploadRecordingSchema, MAX_SUBTITLE_BYTES, type ChapterInput, type UploadRecordingMeta } from "./schema";
import { forgetMediaSources } from "./data";
import { refreshChapters } from "./store";
import { parseSubtitles } from "./subtitles";

/** The recording and its event when `actor` organizes it: 401 / 403 / 404 otherwise (routes ask
 * before reading an upload's body). */
export async function asOrganizerOf(actor: Actor | null, recordingId: string) {
  const rec = await db.recording.findUnique({
    where: { id: recordingId },
    select: { id: true, forumId: true, durationMs: true, status: true, forum: { select: { event: { select: { slug: true } } } } },
  });
  if (!rec) throw new AppError("NOT_FOUND", "recordingNotFound");
  const { eventId, actor: organizer } = await requireOrganizer(actor, rec.forum.event.slug);
  return { rec, eventId, actorId: organizer.userId };
}

/** Changes who may watch a recording and whether it is published. */
export async function updateRecordingSettings(actor: Actor | null, id: string, raw: { visibility?: string; published?: boolean }) {
  const { eventId, actorId, rec } = await asOrganizerOf(actor, id);
  const input = recordingSettingsSchema.parse(raw);
  if (input.published && rec.status !== "ready") throw new AppError("CONFLICT", "publishNotReady");
  await db.$transaction(async (tx) => {
    await tx.recording.update({ where: { id }, data: input });
    await audit(tx, { eventId, actorId, action: "recording.updated", entityType: "recording", entityId: id, data: input });
  });
  forgetMediaSources();
}

/** Replaces a recording's chapters with an organizer's list; they are kept from then on. */
export async function saveChapters(actor: Actor | null, id: string, raw: ChapterInput[]) {
  const { eventId, actorId, rec } = await asOrganizerOf(actor, id);
  const chapters = chaptersSchema.parse(raw);
  if (rec.durationMs !== null && chapters.some((c) => c.offsetMs > rec.durationMs!)) throw new AppError("BAD_REQUEST", "chapterBeyondEnd");
  const sessionIds = [...new Set(chapters.flatMap((c) => c.sessionId ?? []))];
  if (sessionIds.length && (await db.session.count({ where: { id: { in: sessionIds }, forumId: rec.forumId } })) !== sessionIds.length) throw new AppError("BAD_REQUEST", "chapterSessionUnknown");
  await db.$transaction(async (tx) => {
    await tx.chapter.deleteMany({ where: { recordingId: id } });
    await tx.chapter.createMany({ data: chapters.map((c) => ({ recordingId: id, sessionId: c.sessionId, title: c.title, offsetMs: c.offsetMs })) });
    await tx.recording.update({ where: { id }, data: { chaptersEdited: true } });
    await audit(tx, { eventId, actorId, action: "recording.chaptersEdited", entityType: "recording", entityId: id, data: { chapters: chapters.length } });
  });
}

/** Throws away edited chapters and computes them again from the sessions' real times. */
export async function resetChapters(actor: Actor | null, id: string): Promise<number> {
  const { eventId, actorId } = await asOrganizerOf(actor, id);
  return db.$transaction(async (tx) => {
    const count = await refreshChapters(tx, id, true);
    await audit(tx, { eventId, actorId, action: "recording.chaptersReset", entityType: "recording", entityId: id, data: { chapters: count } });
    return count;
  });
}

/** Attaches (or replaces) the subtitles of one language; a bad file is refused with its line. */
export async function saveSubtitles(actor: Actor | null, id: string, rawLanguage: string, fileName: string, text: string) {
  const { eventId, actorId } = await asOrganizerOf(actor, id);
  const language = languageSchema.parse(rawLanguage);
  if (Buffer.byteLength(text) > MAX_SUBTITLE_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "subtitleTooLarge");
  const parsed = parseSubtitles(text, fileName);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", "subtitleInvalid", { line: parsed.line, reason: parsed.reason, text: parsed.text });
  const name = sanitizeFileName(fileName || `${language}.vtt`);
  await db.$transaction(async (tx) => {
    await tx.subtitle.upsert({
      where: { recordingId_language: { recordingId: id, language } },
      create: { recordingId: id, language, fileName: name, vtt: parsed.vtt, cueCount: parsed.cues.length },
      update: { fileName: name, vtt: parsed.vtt, cueCount: parsed.cues.length, automatic: false },
    });
    await audit(tx, { eventId, actorId, action: "recording.subtitlesSaved", entityType: "recording", entityId: id, data: { language, fileName: name, cues: parsed.cues.length } });
  });
  return { language, cueCount: parsed.cues.length };
}

export async function deleteSubtitles(actor: Actor | null, id: string, rawLanguage: string) {
  const { eventId, actorId } = await asOrganizerOf(actor, id);
  const language = languageSchema.parse(rawLanguage);
  await db.$transaction(async (tx) => {
    const { count } = await tx.subtitle.deleteMany({ where: { recordingId: id, language } });
    if (!count) throw new AppError("NOT_FOUND", "subtitleNotFound");
    await audit(tx, { eventId, actorId, action: "recording.subtitlesDeleted", entityType: "recording", entityId: id, data: { language } });
  });
}

/** Deletes a recording and its files (stage, channels). A running recording must be stopped first. */
export async function deleteRecording(actor: Actor | null, id: string) {
  const { eventId, actorId } = await asOrganizerOf(actor, id);
  const files = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; storage: string; location: string | null }[]>`SELECT status, storage, location FROM recordings WHERE id = ${id} FOR UPDATE`;
    if (!rows.length) throw new AppError("NOT_FOUND", "recordingNotFound");
    if (rows[0].status === "starting" || rows[0].status === "recording") throw new AppError("CONFLICT", "stopBeforeDeleting");
    const audio = await tx.recordingAudio.findMany({ where: { recordingId: id }, select: { storage: true, location: true } });
    await tx.recording.delete({ where: { id } });
    await audit(tx, { eventId, actorId, action: "recording.deleted", entityType: "recording", entityId: id, data: { files: [rows[0], ...audio].flatMap((f) => f.location ?? []) } });
    return [rows[0], ...audio];
  });
  forgetMediaSources();
  // The row is gone first: a file without a row is unreachable clutter; a row without its file
  // would be a broken recording. A file that cannot be removed now is logged, not resurrected.
  for (const f of files) {
    if (!f.location) continue;
    await getStorageOf(f.storage)
      .delete(f.location)
      .catch((err) => console.error(`Recording ${id}: could not delete ${f.location}`, err));
  }
}

export interface UploadRecordingInput extends UploadRecordingMeta {
  body: AsyncIterable<Uint8Array>;
  declaredBytes?: number | null;
}

/** Stores a recording made elsewhere (MP4 / WebM) for a forum or one of its sessions. */
export async function uploadRecording(actor: Actor | null, input: UploadRecordingInput) {
  const meta = uploadRecordingSchema.parse(input);
  const forum = await db.forum.findUnique({ where: { id: meta.forumId }, select: { id: true, event: { select: { slug: true } } } });
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  const { eventId, actor: organizer } = await requireOrganizer(actor, forum.event.slug);
  if (meta.sessionId && !(await db.session.count({ where: { id: meta.sessionId, forumId: forum.id } }))) throw new AppError("NOT_FOUND", "sessionNotFound");
  const maxBytes = getEnv().RECORDING_UPLOAD_MAX_MB * 1024 * 1024;
  if (input.declaredBytes != null && input.declaredBytes > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "recordingTooLarge");
  const fileName = sanitizeFileName(meta.fileName);
  const { head, all } = await readHead(input.body, SNIFF_BYTES);
  const type = sniffRecording(head);
  if (!type || !extensionMatches(fileName, type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "recordingTypeRefused");

  const id = randomUUID();
  const storage = getStorage();
  const key = uploadKey(id, type.extension);
  let size: number;
  try {
    ({ size } = await storage.put(key, all, { maxBytes, contentType: type.mimeType }));
  } catch (err) {
    if (err instanceof StorageLimitError) throw new AppError("PAYLOAD_TOO_LARGE", "recordingTooLarge");
    throw err;
  }
  try {
    return await db.$transaction(async (tx) => {
      const data: Prisma.RecordingUncheckedCreateInput = {
        id,
        forumId: forum.id,
        sessionId: meta.sessionId,
        origin: "upload",
        status: "ready",
        storage: storage.kind,
        location: key,
        mimeType: type.mimeType,
        fileName,
        durationMs: meta.durationMs,
        sizeBytes: BigInt(size),
        startedAt: meta.startedAt,
        endedAt: meta.startedAt && meta.durationMs ? new Date(meta.startedAt.getTime() + meta.durationMs) : null,
        visibility: meta.visibility,
        published: false,
        createdById: organizer.userId,
      };
      await tx.recording.create({ data });
      await refreshChapters(tx, id);
      await audit(tx, {
        eventId,
        actorId: organizer.userId,
        action: "recording.uploaded",
        entityType: "recording",
        entityId: id,
        data: { forumId: forum.id, sessionId: meta.sessionId, fileName, sizeBytes: size },
      });
      return { id, fileName, sizeBytes: size, mimeType: type.mimeType };
    });
  } catch (err) {
    await storage.delete(key).catch(() => {});
    throw err;
  }
}
