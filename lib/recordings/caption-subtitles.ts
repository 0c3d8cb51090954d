// A recording's subtitles made from the live captions (lib/captions) stored while it was
// recorded: one WebVTT per language, on the recording's timeline (cues before its first frame or after its last are
// dropped, those across either end cut to it). A language's subtitles are its interpretation
// channel's captions together with the floor's captions in that language: while someone speaks
// Korean on the floor, the Korean booth is silent, and the other way round. Pure.
import type { StoredCaption } from "@/lib/captions/store";
import { vttCues, type Cue } from "./subtitles";

export interface Timeline {
  startedAt: Date;
  /** The last frame's instant; without it, every caption after the start counts. */
  endedAt: Date | null;
}

/** `language`: an event language, or "floor" for every voice on the floor in the language it spoke. */
export function captionCues(captions: readonly StoredCaption[], timeline: Timeline, language: string): Cue[] {
  const start = timeline.startedAt.getTime();
  const end = timeline.endedAt?.getTime() ?? Infinity;
  return captions
    .filter((c) => c.channel === language || (c.channel === "floor" && c.language === language))
    .filter((c) => c.endsAt.getTime() > start && c.startsAt.getTime() < end && c.text.trim())
    .map((c) => ({ startMs: Math.max(c.startsAt.getTime(), start) - start, endMs: Math.min(c.endsAt.getTime(), end) - start, text: escapeCue(c.text.trim()) }))
    .filter((c) => c.endMs > c.startMs)
    .sort((a, b) => a.startMs - b.startMs);
}

/** Cue text as WebVTT needs it: no markup of the speaker's words, no blank line or arrow ending the cue. */
function escapeCue(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

/**
 * The WebVTT file, saying in a NOTE that it was made automatically. `mpegts`: for an HLS subtitle
 * segment, the 90 kHz presentation time the cues' 00:00:00.000 falls on (X-TIMESTAMP-MAP, RFC 8216 3.5).
 */
export function captionsVtt(cues: readonly Cue[], mpegts?: number): string {
  const map = mpegts === undefined ? "" : `X-TIMESTAMP-MAP=MPEGTS:${mpegts},LOCAL:00:00:00.000\n`;
  return `WEBVTT\n${map}\nNOTE Automatic captions (Plenary live captions), not reviewed.\n\n${vttCues(cues)}`;
}
