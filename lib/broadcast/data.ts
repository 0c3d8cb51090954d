// Reads about a forum's broadcast: the watch page's view for one viewer, the state its player
// polls, the organizer's console, and the HLS files themselves (master playlist built here, media
// playlists and segments read from where Egress wrote them).
import "server-only";
import { getPublicAgenda } from "@/lib/agenda/public";
import type { AgendaForum } from "@/lib/agenda/types";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { endonym } from "@/lib/i18n/language-names";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { decideQaStay } from "@/lib/qa/rules";
import { getStageMember } from "@/lib/rooms/data";
import { getStorageOf, StorageNotFoundError } from "@/lib/storage";
import { decideWatch, playlistToken, refusalError, verifyPlaylistToken, type WatchDecision } from "./access";
import { openBroadcastOf } from "./control";
import { listRestreamDestinations, type RestreamDestinationView } from "./destinations";
import { FULL_PLAYLIST, renditionDir } from "./egress";
import { FOREVER, keep, SECOND } from "./kept";
import { captionRenditionsOf } from "./captions-hls";
import { AUTOMATIC_NAME, broadcastFileKind, carryQuery, contentTypeOf, FLOOR_NAME, masterPlaylist, windowPlaylist } from "./playlist";
import { getBroadcastSettings, requireForumOrganizer } from "./settings";
import type { BroadcastOutputStatus, BroadcastSettings, BroadcastStatus, WatchView } from "./types";

interface ForumOfEvent {
  eventId: string;
  eventSlug: string;
  languages: Locale[];
  forum: AgendaForum;
}

/** A published forum, by slugs (NOT_FOUND otherwise). */
async function publishedForum(slug: string, forumSlug: string): Promise<ForumOfEvent> {
  const { agenda } = await getPublicAgenda(slug);
  const forum = agenda.forums.find((f) => f.slug === forumSlug);
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  return { eventId: agenda.event.id, eventSlug: agenda.event.slug, languages: agenda.event.languages, forum };
}

/** A published forum, by id (NOT_FOUND otherwise, drafts included). */
async function publishedForumById(forumId: string): Promise<ForumOfEvent> {
  // A forum never moves to another event.
  const eventSlug = await keep(`forum-event:${forumId}`, FOREVER, async () => {
    const row = await db.forum.findUnique({ where: { id: forumId }, select: { event: { select: { slug: true } } } });
    if (!row) throw new AppError("NOT_FOUND", "forumNotFound");
    return row.event.slug;
  });
  const { agenda } = await getPublicAgenda(eventSlug);
  const forum = agenda.forums.find((f) => f.id === forumId);
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  return { eventId: agenda.event.id, eventSlug: agenda.event.slug, languages: agenda.event.languages, forum };
}

/** The session on stage: the live one, else the next to start, else the last. */
export function sessionOnStage(forum: AgendaForum, now = new Date()): string | null {
  const live = forum.sessions.find((s) => s.status === "live");
  if (live) return live.id;
  const next = forum.sessions.find((s) => s.status === "scheduled" && s.endsAt > now);
  return next?.id ?? forum.sessions.at(-1)?.id ?? null;
}

export function masterUrl(forumId: string, broadcastId: string, audience: BroadcastSettings["audience"], locale: Locale, now = Date.now()): string {
  const token = audience === "public" ? "" : `&token=${playlistToken(forumId, broadcastId, now)}`;
  return `/api/forums/${encodeURIComponent(forumId)}/broadcast/index.m3u8?lang=${locale}${token}`;
}

export interface BroadcastState {
  broadcast: { id: string; status: BroadcastStatus; startedAt: string | null } | null;
  hlsUrl: string | null;
  sessionId: string | null;
}

async function stateFor(f: ForumOfEvent, settings: BroadcastSettings, decision: WatchDecision, locale: Locale): Promise<BroadcastState> {
  const open = await openBroadcastOf(f.forum.id);
  const onAir = open && open.status !== "stopping" ? open : null;
  const broadcast = onAir && { id: onAir.id, status: onAir.status as BroadcastStatus, startedAt: onAir.startedAt?.toISOString() ?? null };
  const hlsUrl = onAir && settings.hls && !decision.refusal ? masterUrl(f.forum.id, onAir.id, settings.audience, locale) : null;
  return { broadcast, hlsUrl, sessionId: sessionOnStage(f.forum) };
}

export async function getWatchView(actor: Actor | null, locale: Locale, slug: string, forumSlug: string): Promise<WatchView> {
  const f = await publishedForum(slug, forumSlug);
  const settings = await getBroadcastSettings(f.forum.id);
  const decision = await decideWatch(actor, f.eventId, settings);
  const state = await stateFor(f, settings, decision, locale);
  // Asking and voting follow the session's own Q&A rule: the forum's members, its organizers and
  // the event's approved audience (not a delegate of another forum).
  const member = actor && decision.registered ? await getStageMember({ eventId: f.eventId, forumId: f.forum.id }, actor.userId, actor.sessionVersion) : null;
  return {
    eventSlug: f.eventSlug,
    forumId: f.forum.id,
    forumSlug: f.forum.slug,
    title: pickText(f.forum.title, locale),
    channels: f.languages,
    settings,
    broadcast: state.broadcast,
    refusal: decision.refusal ?? (state.broadcast ? null : "offAir"),
    hlsUrl: state.hlsUrl,
    webrtc: settings.webrtc && !decision.refusal,
    sessionId: state.sessionId,
    canTakePart: !!member && decideQaStay(member).allowed,
  };
}

/** What the watch page polls: `GET /api/forums/{forumId}/broadcast`. */
export async function getBroadcastState(actor: Actor | null, forumId: string, locale: Locale): Promise<BroadcastState> {
  const f = await publishedForumById(forumId);
  const settings = await getBroadcastSettings(f.forum.id);
  const decision = await decideWatch(actor, f.eventId, settings);
  if (decision.refusal) throw refusalError(decision.refusal);
  return stateFor(f, settings, decision, locale);
}

/** The viewer's right to watch the forum's open broadcast now (for the audience token). */
export async function requireWatch(actor: Actor | null, forumId: string) {
  const f = await publishedForumById(forumId);
  const settings = await getBroadcastSettings(f.forum.id);
  const decision = await decideWatch(actor, f.eventId, settings);
  if (decision.refusal) throw refusalError(decision.refusal);
  if (!settings.webrtc) throw new AppError("FORBIDDEN", "webrtcOff");
  const open = await openBroadcastOf(f.forum.id);
  if (!open || open.status === "stopping") throw refusalError("offAir");
  return { forumId: f.forum.id, decision };
}

// ---- HLS ----

export interface HlsAnswer {
  body: string | import("node:stream").Readable;
  contentType: string;
  length?: number;
  /** Cache-Control: segments never change; playlists change every segment. */
  cacheControl: string;
}

export const PLAYLIST_CACHE = "public, max-age=1, stale-while-revalidate=2";
const SEGMENT_CACHE = "public, max-age=31536000, immutable";

/** Access to a broadcast's HLS: a public forum, a valid token for it, or a viewer the forum admits (its cookie). */
export async function requireHls(actor: Actor | null, forumId: string, broadcastId: string, token: string | null): Promise<{ f: ForumOfEvent; settings: BroadcastSettings; query: string }> {
  const f = await publishedForumById(forumId);
  const settings = await keep(`settings:${forumId}`, SECOND, () => getBroadcastSettings(forumId));
  if (!settings.hls) throw new AppError("NOT_FOUND", "notBroadcasting");
  if (settings.audience === "public") return { f, settings, query: "" };
  if (verifyPlaylistToken(token, forumId, broadcastId)) return { f, settings, query: `token=${token}` };
  const decision = await decideWatch(actor, f.eventId, settings);
  if (decision.refusal) throw refusalError(decision.refusal);
  return { f, settings, query: `token=${playlistToken(forumId, broadcastId)}` };
}

/** The master playlist of the forum's broadcast on air, its renditions named in `locale`. */
export async function getMasterPlaylist(actor: Actor | null, forumId: string, token: string | null, locale: Locale): Promise<HlsAnswer> {
  const { open, renditions, captioned } = await keep(`on-air:${forumId}`, SECOND, async () => {
    const open = await openBroadcastOf(forumId);
    if (!open || open.status === "stopping") return { open: null, renditions: [], captioned: false };
    const [renditions, captioned] = await Promise.all([
      db.broadcastRendition.findMany({ where: { broadcastId: open.id, status: { not: "failed" } }, select: { name: true, language: true } }),
      forumCaptioned(forumId),
    ]);
    return { open, renditions, captioned };
  });
  if (!open) throw new AppError("NOT_FOUND", "notBroadcasting");
  const { f, query } = await requireHls(actor, forumId, open.id, token);
  const base = `${encodeURIComponent(open.id)}`;
  const channels = renditions
    .filter((r): r is { name: string; language: Locale } => r.language !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => ({ language: r.language, name: endonym(r.language), uri: `${base}/${r.name}/${FULL_PLAYLIST}` }));
  if (!renditions.some((r) => r.name === "stage")) throw new AppError("NOT_FOUND", "notBroadcasting");
  const automatic = (name: string) => AUTOMATIC_NAME[locale].replace("{language}", name);
  const subtitles = captioned
    ? captionRenditionsOf(f.languages).map((r) => ({
        language: r === "floor" ? null : r,
        name: automatic(r === "floor" ? FLOOR_NAME[locale] : endonym(r)),
        uri: `${base}/captions/${r}.m3u8`,
      }))
    : [];
  const body = masterPlaylist({ stageUri: `${base}/stage/${FULL_PLAYLIST}`, floorName: FLOOR_NAME[locale], channels, subtitles, query });
  // Personal only in its token, which is the same for every viewer of the window: cacheable briefly.
  return { body, contentType: "application/vnd.apple.mpegurl", cacheControl: PLAYLIST_CACHE };
}

/** Whether the forum's stage is captioned live (forums.captions), as of this second. */
export function forumCaptioned(forumId: string): Promise<boolean> {
  return keep(`captioned:${forumId}`, SECOND, async () => (await db.forum.findUnique({ where: { id: forumId }, select: { captions: true } }))?.captions ?? false);
}

export interface BroadcastFolder {
  forumId: string;
  prefix: string;
  storage: string;
}

/** The broadcast of the forum (NOT_FOUND for another forum's): where Egress writes its files. */
export async function broadcastFolder(forumId: string, broadcastId: string): Promise<BroadcastFolder> {
  // A broadcast's forum and folder never change.
  const row = await keep(`broadcast:${broadcastId}`, FOREVER, async () => {
    const found = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { forumId: true, prefix: true, storage: true } });
    if (!found) throw new AppError("NOT_FOUND", "notFound");
    return found;
  });
  if (row.forumId !== forumId) throw new AppError("NOT_FOUND", "notFound");
  return row;
}

/** A rendition's media playlist as viewers get it (without the token): read and cut once a second per instance. */
export async function renditionPlaylist(row: BroadcastFolder, name: string, file: string): Promise<string> {
  const key = `${renditionDir(row.prefix, name)}/${file}`;
  // Whatever the audience: the full playlist grows all day, and the window viewers can go back in
  // is its end (Egress's own live one is 5 segments).
  return keep(`playlist:${row.storage}:${key}`, SECOND, async () => {
    try {
      const object = await getStorageOf(row.storage).get(key);
      const chunks: Buffer[] = [];
      for await (const chunk of object.stream) chunks.push(chunk as Buffer);
      const whole = Buffer.concat(chunks).toString("utf8");
      return file === FULL_PLAYLIST ? windowPlaylist(whole) : whole;
    } catch (err) {
      if (err instanceof StorageNotFoundError) throw new AppError("NOT_FOUND", "notFound");
      throw err;
    }
  });
}

const NAME = /^(stage|ko|zh|en)$/;

/** One of a broadcast's files: a media playlist (with the token carried onto its URIs) or a segment. */
export async function getBroadcastFile(actor: Actor | null, forumId: string, broadcastId: string, name: string, file: string, token: string | null): Promise<HlsAnswer> {
  const kind = broadcastFileKind(file);
  if (!kind || !NAME.test(name)) throw new AppError("NOT_FOUND", "notFound");
  const row = await broadcastFolder(forumId, broadcastId);
  const { query } = await requireHls(actor, forumId, broadcastId, token);
  if (kind === "playlist") return { body: carryQuery(await renditionPlaylist(row, name, file), query), contentType: contentTypeOf(file), cacheControl: PLAYLIST_CACHE };
  try {
    const object = await getStorageOf(row.storage).get(`${renditionDir(row.prefix, name)}/${file}`);
    return { body: object.stream, length: object.size, contentType: contentTypeOf(file), cacheControl: SEGMENT_CACHE };
  } catch (err) {
    if (err instanceof StorageNotFoundError) throw new AppError("NOT_FOUND", "notFound");
    throw err;
  }
}

// ---- The organizer's console ----

export interface BroadcastConsole {
  forumId: string;
  settings: BroadcastSettings;
  broadcast: {
    id: string;
    status: BroadcastStatus;
    startedAt: string | null;
    error: string | null;
    renditions: { name: string; status: BroadcastOutputStatus; error: string | null }[];
    restreams: { destinationId: string | null; label: string | null; status: BroadcastOutputStatus; error: string | null }[];
  } | null;
  destinations: RestreamDestinationView[];
  /** The watch page's path without the locale: `/events/{slug}/forums/{forumSlug}/watch`. */
  watchPath: string;
}

/** The latest broadcast of the forum (open or not) with its outputs, and its destinations; organizers only. */
export async function getBroadcastConsole(actor: Actor | null, forumId: string): Promise<BroadcastConsole> {
  const { forum } = await requireForumOrganizer(actor, forumId);
  const [settings, latest, destinations, row] = await Promise.all([
    getBroadcastSettings(forum.id),
    db.broadcast.findFirst({
      where: { forumId: forum.id },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        startedAt: true,
        error: true,
        renditions: { select: { name: true, status: true, error: true }, orderBy: { createdAt: "asc" } },
        restreams: { select: { destinationId: true, status: true, error: true, destination: { select: { label: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    listRestreamDestinations(forum.id),
    db.forum.findUniqueOrThrow({ where: { id: forum.id }, select: { slug: true } }),
  ]);
  return {
    forumId: forum.id,
    settings,
    broadcast: latest && {
      id: latest.id,
      status: latest.status,
      startedAt: latest.startedAt?.toISOString() ?? null,
      error: latest.error,
      renditions: latest.renditions,
      restreams: latest.restreams.map((r) => ({ destinationId: r.destinationId, label: r.destination?.label ?? null, status: r.status, error: r.error })),
    },
    destinations,
    watchPath: `/events/${forum.slug}/forums/${row.slug}/watch`,
  };
}
