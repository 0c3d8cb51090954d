// The broadcast's live captions over HLS (lib/broadcast/captions-hls.ts): a rendition's media
// playlist, following the stage's, and its WebVTT segments, made from the captions stored while
// the stage segment played. Same access as the broadcast's other files; nothing when the forum's
// captions are off.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { captionsDuring, type StoredCaption } from "@/lib/captions/store";
import { getStorageOf, StorageNotFoundError } from "@/lib/storage";
import { captionRenditionsOf, captionsPlaylist, captionsSegment, parseCaptionSegmentName, readStagePlaylist, type CaptionRendition, type StageSegment } from "./captions-hls";
import { FULL_PLAYLIST, renditionDir } from "./egress";
import { broadcastFolder, forumCaptioned, PLAYLIST_CACHE, renditionPlaylist, requireHls, type BroadcastFolder, type HlsAnswer } from "./data";
import { keep, SECOND } from "./kept";
import { firstPts } from "./mpegts";
import { carryQuery, contentTypeOf } from "./playlist";

/** A segment's captions may still be finished (an utterance's final text) after it is listed: kept briefly. */
const CAPTIONS_SEGMENT_CACHE = "public, max-age=30";
/** Enough of a segment's start to hold its first audio and video PES headers. */
const HEAD_BYTES = 64 * 1024;
/** A segment's first PTS never changes; kept past the 5-minute window viewers go back in. */
const PTS_KEPT_MS = 10 * 60_000;

/** `floor.m3u8`, `en.m3u8`, … or `floor-12.vtt`: what is asked for, or null. */
function parseFile(file: string): { rendition: CaptionRendition; sequence: number | null } | null {
  const playlist = /^(floor|ko|zh|en)\.m3u8$/.exec(file);
  if (playlist) return { rendition: playlist[1] as CaptionRendition, sequence: null };
  return parseCaptionSegmentName(file);
}

export async function getCaptionsFile(actor: Actor | null, forumId: string, broadcastId: string, file: string, token: string | null): Promise<HlsAnswer> {
  const asked = parseFile(file);
  if (!asked) throw new AppError("NOT_FOUND", "notFound");
  const row = await broadcastFolder(forumId, broadcastId);
  const { f, query } = await requireHls(actor, forumId, broadcastId, token);
  if (!(await forumCaptioned(forumId)) || !captionRenditionsOf(f.languages).includes(asked.rendition)) throw new AppError("NOT_FOUND", "notFound");
  // Made once a second per instance and rendition, whatever the audience (as the media playlists are).
  const stage = await keep(`captions-stage:${broadcastId}`, SECOND, async () => readStagePlaylist(await renditionPlaylist(row, "stage", FULL_PLAYLIST)));
  if (asked.sequence === null) {
    const text = await keep(`captions-playlist:${broadcastId}:${asked.rendition}`, SECOND, async () => captionsPlaylist(stage, asked.rendition, Date.now()));
    return { body: carryQuery(text, query), contentType: contentTypeOf(file), cacheControl: PLAYLIST_CACHE };
  }
  const segment = stage.segments.find((s) => s.sequence === asked.sequence);
  if (!segment) throw new AppError("NOT_FOUND", "notFound");
  const body = await keep(`captions-vtt:${broadcastId}:${file}`, SECOND, async () => {
    const [pts, captions] = await Promise.all([segmentPts(row, segment), segmentCaptions(forumId, segment)]);
    return captionsSegment(captions, segment, asked.rendition, pts);
  });
  return { body, contentType: contentTypeOf(file), cacheControl: CAPTIONS_SEGMENT_CACHE };
}

/** The stage segment's first presentation time, read from its first bytes. */
function segmentPts(row: BroadcastFolder, segment: StageSegment): Promise<number | null> {
  const key = `${renditionDir(row.prefix, "stage")}/${segment.uri.split("?")[0]}`;
  return keep(`pts:${row.storage}:${key}`, PTS_KEPT_MS, async () => {
    try {
      const object = await getStorageOf(row.storage).get(key, { start: 0, end: HEAD_BYTES - 1 });
      const chunks: Buffer[] = [];
      for await (const chunk of object.stream) chunks.push(chunk as Buffer);
      return firstPts(Buffer.concat(chunks));
    } catch (err) {
      if (err instanceof StorageNotFoundError) return null;
      throw err;
    }
  });
}

/** Every caption spoken during the segment, of every channel (each rendition takes its own), read once a second per instance. */
function segmentCaptions(forumId: string, segment: StageSegment): Promise<StoredCaption[]> {
  if (segment.startsAt === null) return Promise.resolve([]);
  const from = new Date(segment.startsAt);
  const to = new Date(segment.startsAt + segment.seconds * 1000);
  return keep(`captions:${forumId}:${segment.startsAt}`, SECOND, () => captionsDuring(forumId, from, to));
}
