// The broadcast's live captions as HLS subtitles (RFC 8216 4.3.4.1 TYPE=SUBTITLES): one WebVTT
// rendition for the floor (every voice on it, in the language spoken) and one per event language
// (its interpretation channel's captions with the floor's in that language — the recordings'
// subtitles' rule, lib/recordings/caption-subtitles.ts). Each rendition's media playlist follows
// the stage's segment for segment — same media sequence, durations and PROGRAM-DATE-TIME — so a
// player lines them up; each WebVTT segment holds the captions spoken during its stage segment,
// cut to it, mapped onto the stage's clock by X-TIMESTAMP-MAP. A segment is listed once its
// captions have had SETTLE_MS to arrive (an utterance's text comes at its pauses). Pure.
import type { StoredCaption } from "@/lib/captions/store";
import { captionCues, captionsVtt } from "@/lib/recordings/caption-subtitles";

export const CAPTION_RENDITIONS = ["floor", "ko", "zh", "en"] as const;
export type CaptionRendition = (typeof CAPTION_RENDITIONS)[number];

/** The floor's captions and one rendition per language of the event, in that order. */
export function captionRenditionsOf(languages: readonly string[]): CaptionRendition[] {
  return CAPTION_RENDITIONS.filter((r) => r === "floor" || languages.includes(r));
}

/** How long after a stage segment ends its captions are listed. The audience's players play
 * about three segments (6 s) behind the newest, so the captions still come before the pictures. */
export const SETTLE_MS = 3_000;

export interface StageSegment {
  sequence: number;
  /** PROGRAM-DATE-TIME in ms since the epoch; null when the playlist gives none. */
  startsAt: number | null;
  seconds: number;
  uri: string;
  discontinuity: boolean;
}

export interface StagePlaylist {
  version: string | null;
  targetDuration: number;
  mediaSequence: number;
  discontinuitySequence: number;
  segments: StageSegment[];
  ended: boolean;
}

/** The parts of the stage's media playlist the captions follow. */
export function readStagePlaylist(text: string): StagePlaylist {
  const out: StagePlaylist = { version: null, targetDuration: 2, mediaSequence: 0, discontinuitySequence: 0, segments: [], ended: false };
  let startsAt: number | null = null;
  let seconds = 0;
  let discontinuity = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const [tag, value = ""] = line.split(/:(.*)/s);
    if (tag === "#EXT-X-VERSION") out.version = value;
    else if (tag === "#EXT-X-TARGETDURATION") out.targetDuration = Number(value) || out.targetDuration;
    else if (tag === "#EXT-X-MEDIA-SEQUENCE") out.mediaSequence = Number(value) || 0;
    else if (tag === "#EXT-X-DISCONTINUITY-SEQUENCE") out.discontinuitySequence = Number(value) || 0;
    else if (tag === "#EXT-X-DISCONTINUITY") discontinuity = true;
    else if (tag === "#EXT-X-PROGRAM-DATE-TIME") startsAt = Number.isNaN(Date.parse(value)) ? null : Date.parse(value);
    else if (tag === "#EXTINF") seconds = Number.parseFloat(value) || 0;
    else if (tag === "#EXT-X-ENDLIST") out.ended = true;
    else if (!line.startsWith("#")) {
      out.segments.push({ sequence: out.mediaSequence + out.segments.length, startsAt, seconds, uri: line, discontinuity });
      // A PROGRAM-DATE-TIME names its own segment; the next one follows on (RFC 8216 4.3.2.6).
      startsAt = startsAt === null ? null : startsAt + seconds * 1000;
      discontinuity = false;
    }
  }
  return out;
}

export function captionSegmentName(rendition: CaptionRendition, sequence: number): string {
  return `${rendition}-${sequence}.vtt`;
}

/** `floor-12.vtt` → its rendition and stage sequence; null for any other name. */
export function parseCaptionSegmentName(name: string): { rendition: CaptionRendition; sequence: number } | null {
  const m = /^(floor|ko|zh|en)-(\d{1,9})\.vtt$/.exec(name);
  return m ? { rendition: m[1] as CaptionRendition, sequence: Number(m[2]) } : null;
}

/** A rendition's media playlist: the stage's segments whose captions have settled by `now` (the access token is carried on after, lib/broadcast/playlist.ts's carryQuery). */
export function captionsPlaylist(stage: StagePlaylist, rendition: CaptionRendition, now: number): string {
  const lines = ["#EXTM3U", `#EXT-X-VERSION:${stage.version ?? "6"}`, `#EXT-X-TARGETDURATION:${stage.targetDuration}`, `#EXT-X-MEDIA-SEQUENCE:${stage.mediaSequence}`];
  if (stage.discontinuitySequence) lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${stage.discontinuitySequence}`);
  for (const seg of stage.segments) {
    // In order: a segment not yet settled ends the list (a playlist never skips one).
    if (!stage.ended && seg.startsAt !== null && seg.startsAt + seg.seconds * 1000 + SETTLE_MS > now) break;
    if (seg.discontinuity) lines.push("#EXT-X-DISCONTINUITY");
    if (seg.startsAt !== null) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seg.startsAt).toISOString()}`);
    lines.push(`#EXTINF:${seg.seconds.toFixed(3)},`, captionSegmentName(rendition, seg.sequence));
  }
  if (stage.ended) lines.push("#EXT-X-ENDLIST");
  return `${lines.join("\n")}\n`;
}

/** A WebVTT segment: the rendition's captions during the stage segment, on its clock (`pts`: its first presentation time). */
export function captionsSegment(captions: readonly StoredCaption[], segment: StageSegment, rendition: CaptionRendition, pts: number | null): string {
  if (segment.startsAt === null || pts === null) return captionsVtt([], pts ?? undefined);
  const timeline = { startedAt: new Date(segment.startsAt), endedAt: new Date(segment.startsAt + segment.seconds * 1000) };
  return captionsVtt(captionCues(captions, timeline, rendition), pts);
}
