// Starting and stopping the recording of a forum's stage. One recording at a time per forum,
// decided under the forum's row lock; the row exists (status `starting`) before Egress is asked,
// and its file key names the row, so a webhook that outruns our own write still finds it.
// Every live interpretation channel is recorded beside the stage, each as its own audio file.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { callLiveKit } from "@/lib/rooms/livekit";
import { channelOfTrack, liveChannels as liveChannelsOf } from "@/lib/rooms/interpretation";
import { egressReachable, recordingStorage, startChannelEgress, startStageEgress, stopEgress } from "./egress";
import { audioKey, stageKey } from "./keys";
import { failSilentEgresses, overdueAutoRecordings } from "./store";

const ACTIVE = ["starting", "recording"] as const;

interface ForumRef {
  id: string;
  roomName: string;
  eventId: string;
  slug: string;
  locale: Locale;
}

async function forumRef(forumId: string): Promise<ForumRef> {
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, roomName: true, eventId: true, event: { select: { slug: true, languages: true } } } });
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  return { id: forum.id, roomName: forum.roomName, eventId: forum.eventId, slug: forum.event.slug, locale: forum.event.languages[0] ?? "en" };
}

/** The forum, when `actor` organizes its event (checked on the server for every call). */
async function asOrganizer(actor: Actor | null, forumId: string): Promise<{ forum: ForumRef; actorId: string }> {
  const forum = await forumRef(forumId);
  const { actor: organizer } = await requireOrganizer(actor, forum.slug);
  return { forum, actorId: organizer.userId };
}

/** The interpretation channels live in the room now, by the rule every client applies (the
 * interpreter on duty publishes the channel's track, unmuted). */
async function liveChannels(roomName: string): Promise<Locale[]> {
  const participants = await callLiveKit((svc) => svc.listParticipants(roomName), "roomNotFound").catch(() => []);
  const people = participants.map((p) => ({ identity: p.identity, attributes: p.attributes ?? {} }));
  const publications = participants.flatMap((p) => p.tracks.map((t) => ({ trackSid: t.sid, participantIdentity: p.identity, trackName: t.name, muted: t.muted })));
  return liveChannelsOf(publications, people);
}

export interface StartedRecording {
  id: string;
  egressId: string;
  channels: Locale[];
}

async function start(forum: ForumRef, actorId: string | null, auto: boolean): Promise<StartedRecording> {
  // Told at once, before a row is written: asking an absent Egress to start waits ~20 s for it.
  if (!(await egressReachable())) throw new AppError("UNAVAILABLE", "egressUnavailable");
  const id = randomUUID();
  const storage = recordingStorage();
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM forums WHERE id = ${forum.id} FOR UPDATE`;
    const active = await tx.recording.count({ where: { forumId: forum.id, origin: "egress", status: { in: [...ACTIVE] } } });
    if (active) throw new AppError("CONFLICT", "alreadyRecording");
    await tx.recording.create({ data: { id, forumId: forum.id, origin: "egress", status: "starting", storage, location: stageKey(id), mimeType: "video/mp4", createdById: actorId } });
    await audit(tx, { eventId: forum.eventId, actorId, action: "recording.started", entityType: "recording", entityId: id, data: { forumId: forum.id, auto } });
  });
  // Egress records only a room that exists: open it now (a no-op when people are already in it),
  // so a recording started before anyone joins waits for them.
  await callLiveKit((svc) => svc.createRoom({ name: forum.roomName }), "roomNotFound").catch((err) => console.error(`Recording ${id}: could not open room ${forum.roomName}`, err));
  let egressId: string;
  try {
    egressId = await startStageEgress(forum.roomName, stageKey(id), storage, forum.locale, forum.id);
  } catch (err) {
    await db.recording.update({ where: { id }, data: { status: "failed", error: err instanceof AppError ? err.message : "egressUnavailable" } });
    throw err;
  }
  // The webhook may have named the egress already (it found the row by its file key).
  await db.recording.updateMany({ where: { id, egressId: null }, data: { egressId } });
  const channels = await liveChannels(forum.roomName);
  for (const channel of channels) await startChannel(id, channel).catch((err) => console.error(`Recording ${id}: channel ${channel} not recorded`, err));
  return { id, egressId, channels };
}

/** Starts recording a forum's stage; CONFLICT `alreadyRecording` when it is being recorded. */
export async function startRecording(actor: Actor | null, forumId: string): Promise<StartedRecording> {
  const { forum, actorId } = await asOrganizer(actor, forumId);
  return start(forum, actorId, false);
}

/**
 * Records one interpretation channel of an active recording, unless it is being recorded already
 * (decided under the recording's row lock). Returns null when there is nothing to do.
 */
export async function startChannel(recordingId: string, channel: Locale): Promise<string | null> {
  const audioId = randomUUID();
  const storage = recordingStorage();
  const recording = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM recordings WHERE id = ${recordingId} FOR UPDATE`;
    const rec = await tx.recording.findUnique({ where: { id: recordingId }, select: { status: true, forumId: true, forum: { select: { roomName: true, event: { select: { languages: true } } } } } });
    if (!rec || !ACTIVE.includes(rec.status as (typeof ACTIVE)[number])) return null;
    const taken = await tx.recordingAudio.count({ where: { recordingId, language: channel, status: { in: [...ACTIVE] } } });
    if (taken) return null;
    await tx.recordingAudio.create({ data: { id: audioId, recordingId, language: channel, status: "starting", storage, location: audioKey(recordingId, channel, audioId), mimeType: "audio/mp4" } });
    return rec;
  });
  if (!recording) return null;
  try {
    const egressId = await startChannelEgress(recording.forum.roomName, audioKey(recordingId, channel, audioId), storage, recording.forum.event.languages[0] ?? "en", recording.forumId, channel);
    await db.recordingAudio.updateMany({ where: { id: audioId, egressId: null }, data: { egressId } });
  } catch (err) {
    await db.recordingAudio.update({ where: { id: audioId }, data: { status: "failed", error: err instanceof AppError ? err.message : "egressUnavailable" } });
    throw err;
  }
  return audioId;
}

async function stop(recordingId: string, eventId: string, actorId: string | null, reason: "organizer" | "auto"): Promise<void> {
  const now = new Date();
  const rec = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ egress_id: string | null }[]>`
      UPDATE recordings SET status = 'processing'::"RecordingStatus", stop_requested_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      WHERE id = ${recordingId} AND status IN ('starting', 'recording') RETURNING egress_id`;
    if (!rows.length) throw new AppError("CONFLICT", "notRecording");
    await audit(tx, { eventId, actorId, action: "recording.stopped", entityType: "recording", entityId: recordingId, data: { reason } });
    const audio = await tx.recordingAudio.findMany({ where: { recordingId, status: { in: [...ACTIVE] } }, select: { id: true, egressId: true } });
    await tx.recordingAudio.updateMany({ where: { recordingId, status: { in: [...ACTIVE] } }, data: { status: "processing" } });
    return { egressId: rows[0].egress_id, audio };
  });
  const egresses = [rec.egressId, ...rec.audio.map((a) => a.egressId)].filter((e): e is string => !!e);
  // An egress that never got an id (Egress did not answer the start) cannot finish: it failed.
  if (!rec.egressId) await db.recording.update({ where: { id: recordingId }, data: { status: "failed", error: "egressNoReport" } });
  const results = await Promise.allSettled(egresses.map((e) => stopEgress(e)));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/** Stops a recording (its stage and channels); CONFLICT `notRecording` when it is not running. */
export async function stopRecording(actor: Actor | null, recordingId: string): Promise<void> {
  const rec = await db.recording.findUnique({ where: { id: recordingId }, select: { forumId: true } });
  if (!rec) throw new AppError("NOT_FOUND", "recordingNotFound");
  const { forum, actorId } = await asOrganizer(actor, rec.forumId);
  await stop(recordingId, forum.eventId, actorId, "organizer");
}

/** The forum's running recording, if any. */
export async function activeRecordingOf(forumId: string) {
  return db.recording.findFirst({
    where: { forumId, origin: "egress", status: { in: [...ACTIVE] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, createdAt: true, startedAt: true },
  });
}

/** The forum a session belongs to: the room's record button knows only its session. */
export async function forumIdOfSession(sessionId: string): Promise<string> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { forumId: true } });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  return session.forumId;
}

export interface ForumRecordingState {
  autoRecord: boolean;
  /** The running recording; `since` is its first frame once Egress reported it, else the request. */
  recording: { id: string; status: "starting" | "recording"; since: Date } | null;
  /** The forum's latest recording made here, in any state (the buttons show "processing" and failures). */
  latest: { id: string; status: string; error: string | null } | null;
}

/** What the record buttons of the run sheet and the room show; organizers only. */
export async function getForumRecordingState(actor: Actor | null, forumId: string): Promise<ForumRecordingState> {
  const { forum } = await asOrganizer(actor, forumId);
  const [row, active, latest] = await Promise.all([
    db.forum.findUniqueOrThrow({ where: { id: forum.id }, select: { autoRecord: true } }),
    activeRecordingOf(forum.id),
    db.recording.findFirst({ where: { forumId: forum.id, origin: "egress" }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, error: true } }),
  ]);
  return {
    autoRecord: row.autoRecord,
    recording: active && { id: active.id, status: active.status as "starting" | "recording", since: active.startedAt ?? active.createdAt },
    latest,
  };
}

/** Stops the forum's running recording (the room's and the run sheet's Stop button). */
export async function stopForumRecording(actor: Actor | null, forumId: string): Promise<void> {
  const { forum, actorId } = await asOrganizer(actor, forumId);
  const active = await activeRecordingOf(forum.id);
  if (!active) throw new AppError("CONFLICT", "notRecording");
  await stop(active.id, forum.eventId, actorId, "organizer");
}

/** Turns automatic recording of a forum on or off. */
export async function setAutoRecord(actor: Actor | null, forumId: string, on: boolean): Promise<void> {
  const { forum, actorId } = await asOrganizer(actor, forumId);
  await db.$transaction(async (tx) => {
    await tx.forum.update({ where: { id: forum.id }, data: { autoRecord: on } });
    await audit(tx, { eventId: forum.eventId, actorId, action: "forum.autoRecord", entityType: "forum", entityId: forum.id, data: { autoRecord: on } });
  });
}

/**
 * Automatic recording after a live transition of a forum set to record itself: a session going
 * live starts the recording if none runs; the forum's last session ending stops it. Best effort:
 * the session's own change has committed already and stands whatever Egress says.
 */
export async function autoRecordAfter(forumId: string): Promise<void> {
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: { autoRecord: true, sessions: { select: { status: true } } } });
  if (!forum?.autoRecord) return;
  const ref = await forumRef(forumId);
  const active = await activeRecordingOf(forumId);
  const live = forum.sessions.some((s) => s.status === "live");
  const remaining = forum.sessions.some((s) => s.status === "live" || s.status === "scheduled");
  try {
    if (live && !active) await start(ref, null, true);
    else if (!remaining && active) await stop(active.id, ref.eventId, null, "auto");
  } catch (err) {
    if (err instanceof AppError && (err.message === "alreadyRecording" || err.message === "notRecording")) return;
    console.error(`Automatic recording of forum ${forumId} failed`, err);
  }
}

/** A `track_published` webhook: an interpretation channel that went live while the forum is
 * being recorded gets its own recording. */
export async function recordChannelIfRecording(roomName: string, trackName: string | undefined): Promise<boolean> {
  const channel = channelOfTrack(trackName);
  if (!channel) return false;
  const forum = await db.forum.findUnique({ where: { roomName }, select: { id: true } });
  if (!forum) return false;
  const active = await activeRecordingOf(forum.id);
  if (!active) return false;
  return (await startChannel(active.id, channel)) !== null;
}

/**
 * Housekeeping every instance runs now and then (and organizer pages before they read): fails
 * egresses that never reported back and stops automatic recordings whose forum has ended.
 */
export async function sweepRecordings(now = new Date()): Promise<{ failed: number; stopped: number }> {
  const failed = await failSilentEgresses(now);
  let stopped = 0;
  for (const id of await overdueAutoRecordings(now)) {
    const rec = await db.recording.findUnique({ where: { id }, select: { forum: { select: { eventId: true } } } });
    if (!rec) continue;
    try {
      await stop(id, rec.forum.eventId, null, "auto");
      stopped++;
    } catch (err) {
      if (!(err instanceof AppError && err.message === "notRecording")) console.error(`Automatic stop of recording ${id} failed`, err);
    }
  }
  return { failed, stopped };
}

const holder = globalThis as unknown as { plenaryRecordingSweep?: NodeJS.Timeout };

/** Runs the sweep every 30 s in this instance (from instrumentation.ts). */
export function startRecordingSweeper(intervalMs = 30_000) {
  if (holder.plenaryRecordingSweep) return;
  holder.plenaryRecordingSweep = setInterval(() => {
    sweepRecordings().catch((err) => console.error("Recording sweep failed", err));
  }, intervalMs);
  holder.plenaryRecordingSweep.unref();
}
