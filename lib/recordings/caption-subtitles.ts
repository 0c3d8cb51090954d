// A recording's subtitles made from the live captions (lib/captions) stored while it was
// recorded: one WebVTT per language, on the recording's timeline (cues before its first frame or after its last are
// dropped, those across either end cut to it). A language's subtitles are its interpretation
// channel's captions together with the floor's captions in that language: while someone speaks
// Korean on the floor, the Korean booth is silent, and the other way round. Pure.
import { formatVttTime, type Cue } from "./subtitles";

export interface StoredCaption {
  channel: string;
  language: string;
  text: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Timeline {
  startedAt: Date;
  /** The last frame's instant; without it, every caption after the start counts. */
  endedAt: Date | null;
}

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

/** The WebVTT file, saying in a NOTE that it was made automatically. */
export function captionsVtt(cues: readonly Cue[]): string {
  const body = cues.map((c) => `${formatVttTime(c.startMs)} --> ${formatVttTime(c.endMs)}\n${c.text}\n\n`).join("");
  return `WEBVTT\n\nNOTE Automatic captions (Plenary live captions), not reviewed.\n\n${body}`;
}
