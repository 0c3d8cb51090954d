// Shared writes of recordings: chapters recomputed from the sessions' real times, and the sweep
// that fails egresses which never report back and stops automatic recordings past their forum.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { captionsDuring } from "@/lib/captions/store";
import { captionCues, captionsVtt } from "./caption-subtitles";
import { computeChapters } from "./chapters";

/**
 * Rewrites a recording's chapters from its sessions: a forum recording gets one chapter per
 * session it covers, at the session's real start relative to the recording's first frame; a
 * recording of one session opens on it. Chapters an organizer edited are left alone.
 */
export async function refreshChapters(tx: Tx, recordingId: string, force = false): Promise<number> {
  const rec = await tx.recording.findUnique({ where: { id: recordingId }, select: { forumId: true, sessionId: true, startedAt: true, endedAt: true, durationMs: true, chaptersEdited: true } });
  if (!rec || (rec.chaptersEdited && !force)) return 0;
  let chapters: { sessionId: string; title: unknown; offsetMs: number }[] = [];
  if (rec.sessionId) {
    const session = await tx.session.findUnique({ where: { id: rec.sessionId }, select: { id: true, title: true } });
    if (session) chapters = [{ sessionId: session.id, title: session.title, offsetMs: 0 }];
  } else if (rec.startedAt) {
    const sessions = await tx.session.findMany({
      where: { forumId: rec.forumId },
      select: { id: true, title: true, startsAt: true, endsAt: true, liveAt: true, endedAt: true, status: true },
    });
    chapters = computeChapters(
      { startedAt: rec.startedAt, endedAt: rec.endedAt, durationMs: rec.durationMs },
      sessions.map((s) => ({ ...s, title: toLocalized(s.title) })),
    );
  }
  await tx.chapter.deleteMany({ where: { recordingId } });
  if (chapters.length) await tx.chapter.createMany({ data: chapters.map((c) => ({ recordingId, sessionId: c.sessionId, title: c.title as Prisma.InputJsonValue, offsetMs: c.offsetMs })) });
  if (force) await tx.recording.update({ where: { id: recordingId }, data: { chaptersEdited: false } });
  return chapters.length;
}

/**
 * Gives a ready recording subtitles made from the live captions stored while it was recorded,
 * one per language that has any, marked automatic. A language that already has subtitles (an
 * organizer's upload) keeps them. An utterance the worker never finished (it stopped mid-sentence)
 * counts with the text it had. Returns the languages added.
 */
export async function subtitlesFromCaptions(tx: Tx, recordingId: string): Promise<string[]> {
  const rec = await tx.recording.findUnique({ where: { id: recordingId }, select: { forumId: true, startedAt: true, endedAt: true, forum: { select: { event: { select: { languages: true } } } } } });
  if (!rec?.startedAt) return [];
  const captions = await captionsDuring(rec.forumId, rec.startedAt, rec.endedAt, tx);
  const timeline = { startedAt: rec.startedAt, endedAt: rec.endedAt };
  const made = rec.forum.event.languages
    .map((language) => ({ language, cues: captionCues(captions, timeline, language) }))
    .filter((s) => s.cues.length > 0)
    .map((s) => ({ recordingId, language: s.language, fileName: `captions.${s.language}.vtt`, vtt: captionsVtt(s.cues), cueCount: s.cues.length, automatic: true }));
  if (!made.length) return [];
  const existing = new Set((await tx.subtitle.findMany({ where: { recordingId }, select: { language: true } })).map((s) => s.language));
  const added = made.filter((s) => !existing.has(s.language));
  if (added.length) await tx.subtitle.createMany({ data: added, skipDuplicates: true });
  return added.map((s) => s.language);
}

/**
 * Marks failed every egress that has not said it started within EGRESS_START_TIMEOUT_S, or that
 * was stopped more than EGRESS_END_TIMEOUT_S ago and never said it finished. Idempotent and safe
 * on any number of instances at once (plain conditional UPDATEs).
 */
export async function failSilentEgresses(now = new Date()): Promise<number> {
  const env = getEnv();
  const startLimit = new Date(now.getTime() - env.EGRESS_START_TIMEOUT_S * 1000);
  const endLimit = new Date(now.getTime() - env.EGRESS_END_TIMEOUT_S * 1000);
  const stages = await db.$executeRaw`
    UPDATE recordings SET status = 'failed'::"RecordingStatus", error = 'egressNoReport', updated_at = ${now}::timestamptz
    WHERE origin = 'egress' AND ((status = 'starting' AND created_at < ${startLimit}::timestamptz)
      OR (status = 'processing' AND stop_requested_at < ${endLimit}::timestamptz))`;
  const audio = await db.$executeRaw`
    UPDATE recording_audio a SET status = 'failed'::"RecordingStatus", error = 'egressNoReport', updated_at = ${now}::timestamptz
    FROM recordings r WHERE r.id = a.recording_id AND ((a.status = 'starting' AND a.created_at < ${startLimit}::timestamptz)
      OR (a.status = 'processing' AND r.stop_requested_at < ${endLimit}::timestamptz)
      OR (a.status IN ('starting', 'recording') AND r.status = 'failed'))`;
  return stages + audio;
}

/** Automatic recordings whose forum (and any extension of its room) has ended. */
export async function overdueAutoRecordings(now = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM recordings r JOIN forums f ON f.id = r.forum_id
    WHERE f.auto_record AND r.origin = 'egress' AND r.status IN ('starting', 'recording')
      AND GREATEST(f.ends_at, COALESCE(f.room_extended_until, f.ends_at)) < ${now}::timestamptz`;
  return rows.map((r) => r.id);
}
