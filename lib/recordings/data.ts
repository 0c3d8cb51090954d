// Reads of recordings: one for a viewer (with chapters, interpretation channels and subtitles),
// a session's recording at the session's offset, the attendees' library by day and forum, the
// organizers' console, and the media route's checks.
import "server-only";
import type { Membership } from "@/lib/auth/roles";
import type { Actor, OrganizerAccess } from "@/lib/auth/session";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import type { Agenda, AgendaSession, DisplayZone } from "@/lib/agenda/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { locales, type Locale } from "@/lib/i18n/routing";
import { dayKey } from "@/lib/time/zones";
import { recordingAccess, type RecordingVisibility } from "./access";

export interface ChapterView {
  id: string;
  sessionId: string | null;
  title: LocalizedText;
  offsetMs: number;
}

export interface ChannelView {
  id: string;
  language: Locale;
  /** Where this channel's audio starts on the recording's timeline (it may start later). */
  offsetMs: number;
  durationMs: number | null;
  src: string;
}

export interface AudioTrackView {
  id: string;
  language: Locale;
  status: string;
  error: string | null;
  missing: boolean;
  sizeBytes: number | null;
  durationMs: number | null;
}

export interface SubtitleView {
  language: Locale;
  fileName: string;
  cueCount: number;
  /** Made from the live captions, not uploaded. */
  automatic: boolean;
  src: string;
}

export interface RecordingView {
  id: string;
  eventSlug: string;
  forumId: string;
  forumSlug: string;
  forumTitle: LocalizedText;
  sessionId: string | null;
  /** The session's title for a session's recording, the forum's otherwise. */
  title: LocalizedText;
  origin: "egress" | "upload";
  status: "starting" | "recording" | "processing" | "ready" | "failed";
  error: string | null;
  missing: boolean;
  mimeType: string | null;
  fileName: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  visibility: RecordingVisibility;
  published: boolean;
  chaptersEdited: boolean;
  src: string;
  chapters: ChapterView[];
  channels: ChannelView[];
  audio: AudioTrackView[];
  subtitles: SubtitleView[];
}

const recordingInclude = {
  forum: { select: { slug: true, title: true, event: { select: { id: true, slug: true, publishedAt: true } } } },
  session: { select: { title: true } },
  chapters: { orderBy: { offsetMs: "asc" }, select: { id: true, sessionId: true, title: true, offsetMs: true } },
  audio: { orderBy: { createdAt: "asc" } },
  subtitles: { orderBy: { language: "asc" }, select: { language: true, fileName: true, cueCount: true, automatic: true } },
} satisfies Prisma.RecordingInclude;

type RecordingRow = Prisma.RecordingGetPayload<{ include: typeof recordingInclude }>;

function toView(r: RecordingRow): RecordingView {
  const src = `/api/recordings/${r.id}/media`;
  // One channel per language: the latest ready take (a channel re-recorded after a failure).
  const channels = new Map<Locale, ChannelView>();
  for (const a of r.audio) {
    if (a.status !== "ready" || a.missingAt) continue;
    const offsetMs = r.startedAt && a.startedAt ? a.startedAt.getTime() - r.startedAt.getTime() : 0;
    channels.set(a.language, { id: a.id, language: a.language, offsetMs, durationMs: a.durationMs, src: `${src}?channel=${a.language}` });
  }
  return {
    id: r.id,
    eventSlug: r.forum.event.slug,
    forumId: r.forumId,
    forumSlug: r.forum.slug,
    forumTitle: toLocalized(r.forum.title),
    sessionId: r.sessionId,
    title: toLocalized(r.session?.title ?? r.forum.title),
    origin: r.origin,
    status: r.status,
    error: r.error,
    missing: !!r.missingAt,
    mimeType: r.mimeType,
    fileName: r.fileName,
    durationMs: r.durationMs,
    sizeBytes: r.sizeBytes === null ? null : Number(r.sizeBytes),
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    createdAt: r.createdAt,
    visibility: r.visibility,
    published: r.published,
    chaptersEdited: r.chaptersEdited,
    src,
    chapters: r.chapters.map((c) => ({ id: c.id, sessionId: c.sessionId, title: toLocalized(c.title), offsetMs: c.offsetMs })),
    channels: locales.flatMap((l) => channels.get(l) ?? []),
    audio: r.audio.map((a) => ({
      id: a.id,
      language: a.language,
      status: a.status,
      error: a.error,
      missing: !!a.missingAt,
      sizeBytes: a.sizeBytes === null ? null : Number(a.sizeBytes),
      durationMs: a.durationMs,
    })),
    subtitles: r.subtitles.map((s) => ({ language: s.language, fileName: s.fileName, cueCount: s.cueCount, automatic: s.automatic, src: `/api/recordings/${r.id}/subtitles/${s.language}` })),
  };
}

export async function membershipOf(actor: Actor | null, eventId: string): Promise<Membership | null> {
  if (!actor) return null;
  return db.registration.findUnique({ where: { eventId_userId: { eventId, userId: actor.userId } }, select: { role: true, status: true } });
}

/** A recording row as the access rule reads it. */
const accessOf = (r: RecordingRow) => ({ ...r, eventPublished: !!r.forum.event.publishedAt });

function enforce(decision: ReturnType<typeof recordingAccess>) {
  if (decision === "notFound") throw new AppError("NOT_FOUND", "recordingNotFound");
  if (decision === "unauthenticated") throw new AppError("UNAUTHENTICATED", "signInRequired");
  if (decision === "forbidden") throw new AppError("FORBIDDEN", "recordingForbidden");
}

/** A recording this viewer may watch; 401 / 403 / 404 otherwise. */
export async function getRecordingForViewer(actor: Actor | null, id: string): Promise<{ recording: RecordingView; organizes: boolean }> {
  const row = await db.recording.findUnique({ where: { id }, include: recordingInclude });
  if (!row) throw new AppError("NOT_FOUND", "recordingNotFound");
  const membership = await membershipOf(actor, row.forum.event.id);
  enforce(recordingAccess(accessOf(row), !!actor, membership));
  return { recording: toView(row), organizes: membership?.role === "organizer" && membership.status === "approved" };
}

export interface MediaSource {
  storage: string;
  key: string;
  mimeType: string;
  recordingId: string;
  audioId: string | null;
}

type MediaRow = {
  id: string;
  visibility: RecordingVisibility;
  published: boolean;
  status: string;
  storage: string;
  location: string | null;
  mimeType: string | null;
  eventId: string;
  eventPublished: boolean;
  audio: { id: string; storage: string; location: string | null; mimeType: string | null } | null;
};

// A player sends a Range request for every seek and every few seconds of playback: the row behind
// them is kept a moment per instance (as the stage lookup is), so a burst of seeks costs one read.
// Writes through this instance forget it at once; another instance's change shows within the TTL.
// On globalThis: route handlers and server actions may be bundled apart, and a publish through an
// action must be seen by the media route of the same process at once.
const MEDIA_TTL_MS = 2_000;
const holder = globalThis as unknown as { plenaryMediaRows?: Map<string, { row: MediaRow | null; until: number }> };
const mediaRows = (holder.plenaryMediaRows ??= new Map());

export function forgetMediaSources() {
  mediaRows.clear();
}

async function mediaRow(id: string, channel: Locale | null): Promise<MediaRow | null> {
  const cacheKey = `${id} ${channel ?? ""}`;
  const hit = mediaRows.get(cacheKey);
  if (hit && hit.until > Date.now()) return hit.row;
  const found = await db.recording.findUnique({
    where: { id },
    select: {
      id: true,
      visibility: true,
      published: true,
      status: true,
      storage: true,
      location: true,
      mimeType: true,
      forum: { select: { eventId: true, event: { select: { publishedAt: true } } } },
      audio: channel ? { where: { language: channel, status: "ready" }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, storage: true, location: true, mimeType: true } } : false,
    },
  });
  const row = found && { ...found, eventId: found.forum.eventId, eventPublished: !!found.forum.event.publishedAt, audio: found.audio?.[0] ?? null };
  if (mediaRows.size > 5_000) mediaRows.clear();
  mediaRows.set(cacheKey, { row, until: Date.now() + MEDIA_TTL_MS });
  return row;
}

/**
 * Where the bytes of a recording (or one of its interpretation channels) are, for a viewer
 * allowed to watch it; 401 / 403 / 404 otherwise. `actor` is asked for only when the recording is
 * not public: a public recording's seeks need no session and no membership read.
 */
export async function getMediaSource(actor: () => Promise<Actor | null>, id: string, channel: Locale | null): Promise<MediaSource> {
  const row = await mediaRow(id, channel);
  if (!row) throw new AppError("NOT_FOUND", "recordingNotFound");
  if (!(row.visibility === "public" && row.published && row.status === "ready" && row.eventPublished)) {
    const viewer = await actor();
    enforce(recordingAccess(row, !!viewer, await membershipOf(viewer, row.eventId)));
  }
  if (channel) {
    if (!row.audio?.location) throw new AppError("NOT_FOUND", "channelNotRecorded");
    return { storage: row.audio.storage, key: row.audio.location, mimeType: row.audio.mimeType ?? "audio/mp4", recordingId: row.id, audioId: row.audio.id };
  }
  if (row.status !== "ready" || !row.location) throw new AppError("NOT_FOUND", "recordingNotReady");
  return { storage: row.storage, key: row.location, mimeType: row.mimeType ?? "video/mp4", recordingId: row.id, audioId: null };
}

/** A file that should be there was not: organizers see the recording as broken. */
export async function markMissing(source: MediaSource, now = new Date()) {
  if (source.audioId) await db.recordingAudio.updateMany({ where: { id: source.audioId, missingAt: null }, data: { missingAt: now } });
  else await db.recording.updateMany({ where: { id: source.recordingId, missingAt: null }, data: { missingAt: now } });
}

/** The recording that shows session `sessionId`, opened at its chapter, if this viewer may watch one. */
export async function getSessionRecording(actor: Actor | null, sessionId: string): Promise<{ recording: RecordingView; offsetMs: number } | null> {
  const rows = await db.recording.findMany({
    where: { status: "ready", OR: [{ sessionId }, { chapters: { some: { sessionId } } }] },
    include: recordingInclude,
    orderBy: [{ startedAt: "asc" }, { createdAt: "asc" }],
  });
  if (!rows.length) return null;
  const membership = await membershipOf(actor, rows[0].forum.event.id);
  for (const row of rows) {
    if (recordingAccess(accessOf(row), !!actor, membership) !== "allow") continue;
    // Organizers preview unpublished recordings on the console, not on the public session page.
    if (!row.published) continue;
    const recording = toView(row);
    const chapter = recording.chapters.find((c) => c.sessionId === sessionId);
    return { recording, offsetMs: chapter?.offsetMs ?? 0 };
  }
  return null;
}

export interface LibrarySession {
  id: string;
  title: LocalizedText;
  speakers: string[];
  offsetMs: number;
  matches: boolean;
}

export interface LibraryEntry {
  recording: RecordingView;
  sessions: LibrarySession[];
}

export interface LibraryDay {
  day: string;
  forums: { id: string; slug: string; title: LocalizedText; startsAt: Date; endsAt: Date; entries: LibraryEntry[] }[];
}

function normalise(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase();
}

function sessionText(s: AgendaSession): string {
  return normalise([s.title.ko, s.title.zh, s.title.en, ...s.speakers.flatMap((p) => [p.name, p.nameLatin ?? ""])].join("\n"));
}

/**
 * The recordings this viewer may watch, by day (in the event's zone) and forum, with each one's
 * sessions; `query` keeps the recordings with a session whose title (any language) or speaker
 * matches, and marks those sessions.
 */
export async function getRecordingsLibrary(actor: Actor | null, slug: string, query = ""): Promise<{ agenda: Agenda; days: LibraryDay[]; total: number; shown: number }> {
  const agenda = await getAgendaOrThrow(slug);
  const membership = await membershipOf(actor, agenda.event.id);
  const rows = await db.recording.findMany({
    where: { status: "ready", published: true, forum: { eventId: agenda.event.id } },
    include: recordingInclude,
    orderBy: [{ startedAt: "asc" }, { createdAt: "asc" }],
  });
  const visible = rows.filter((r) => recordingAccess(accessOf(r), !!actor, membership) === "allow").map(toView);
  const needle = normalise(query.trim());
  const sessions = new Map(agenda.forums.flatMap((f) => f.sessions.map((s) => [s.id, s] as const)));
  const days = new Map<string, LibraryDay>();
  let shown = 0;
  for (const forum of agenda.forums) {
    const entries: LibraryEntry[] = [];
    for (const recording of visible.filter((r) => r.forumId === forum.id)) {
      const list: LibrarySession[] = recording.chapters.flatMap((c) => {
        const s = c.sessionId ? sessions.get(c.sessionId) : undefined;
        if (!s) return [];
        return [
          { id: s.id, title: s.title, speakers: s.speakers.filter((p) => p.role !== "interpreter").map((p) => p.name), offsetMs: c.offsetMs, matches: !!needle && sessionText(s).includes(needle) },
        ];
      });
      if (recording.sessionId && !list.length) {
        const s = sessions.get(recording.sessionId);
        if (s) list.push({ id: s.id, title: s.title, speakers: s.speakers.map((p) => p.name), offsetMs: 0, matches: !!needle && sessionText(s).includes(needle) });
      }
      const forumMatches = !!needle && normalise([forum.title.ko, forum.title.zh, forum.title.en].join("\n")).includes(needle);
      if (needle && !forumMatches && !list.some((s) => s.matches)) continue;
      entries.push({ recording, sessions: list });
    }
    if (!entries.length) continue;
    shown += entries.length;
    const day = dayKey(recordingDay(entries[0].recording) ?? forum.startsAt, agenda.event.timeZone);
    const bucket = days.get(day) ?? { day, forums: [] };
    bucket.forums.push({ id: forum.id, slug: forum.slug, title: forum.title, startsAt: forum.startsAt, endsAt: forum.endsAt, entries });
    days.set(day, bucket);
  }
  return { agenda, days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)), total: visible.length, shown };
}

function recordingDay(r: RecordingView): Date | null {
  return r.startedAt;
}

export interface ConsoleForum {
  id: string;
  slug: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  autoRecord: boolean;
  recording: RecordingView | null;
  sessions: { id: string; title: LocalizedText }[];
  recordings: RecordingView[];
}

/** Every forum of the event with its recordings in every state, for its organizers. */
export async function getOrganizerRecordings({ eventId }: OrganizerAccess): Promise<{ eventId: string; timeZone: string; displayZones: DisplayZone[]; forums: ConsoleForum[] }> {
  const [event, rows] = await Promise.all([
    db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: {
        timeZone: true,
        displayZones: true,
        forums: {
          orderBy: { position: "asc" },
          select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, autoRecord: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true } } },
        },
      },
    }),
    db.recording.findMany({ where: { forum: { eventId } }, include: recordingInclude, orderBy: { createdAt: "desc" } }),
  ]);
  const views = rows.map(toView);
  return {
    eventId,
    timeZone: event.timeZone,
    displayZones: displayZonesOf(event),
    forums: event.forums.map((f) => {
      const recordings = views.filter((r) => r.forumId === f.id);
      return {
        id: f.id,
        slug: f.slug,
        title: toLocalized(f.title),
        startsAt: f.startsAt,
        endsAt: f.endsAt,
        autoRecord: f.autoRecord,
        recording: recordings.find((r) => r.origin === "egress" && (r.status === "starting" || r.status === "recording")) ?? null,
        sessions: f.sessions.map((s) => ({ id: s.id, title: toLocalized(s.title) })),
        recordings,
      };
    }),
  };
}

/** The subtitle file of a recording this viewer may watch. */
export async function getSubtitleForViewer(actor: Actor | null, id: string, language: Locale): Promise<string> {
  await getRecordingForViewer(actor, id);
  const subtitle = await db.subtitle.findUnique({ where: { recordingId_language: { recordingId: id, language } }, select: { vtt: true } });
  if (!subtitle) throw new AppError("NOT_FOUND", "subtitleNotFound");
  return subtitle.vtt;
}
