// The HLS player's transcript from its subtitle track's cues (lib/broadcast/captions-hls.ts): each
// WebVTT segment holds the captions cut to its 2 seconds, so one sentence arrives as several
// contiguous cues — the same text, or the text so far growing into the final one. Those become
// one line, with the latest text. Times are wall-clock: `wallClockAt` maps the media clock. Pure.
import { fold, type CaptionLine } from "@/lib/captions/lines";
import type { Channel } from "@/lib/rooms/interpretation";

export interface TrackCue {
  startTime: number;
  endTime: number;
  text: string;
}

/** Cues this close (seconds) are one sentence's pieces. */
const CONTIGUOUS_S = 0.1;

const stem = (s: string) => fold(s).replace(/[\s.,!?;:。，、！？…]+$/u, "");

export function hlsTranscript(cues: readonly TrackCue[], channel: Channel, wallClockAt: (mediaSeconds: number) => number): CaptionLine[] {
  const sorted = cues.filter((c) => c.text.trim()).sort((a, b) => a.startTime - b.startTime);
  const merged: TrackCue[] = [];
  for (const cue of sorted) {
    const last = merged.at(-1);
    const touching = last && cue.startTime - last.endTime <= CONTIGUOUS_S && cue.startTime >= last.startTime;
    if (last && touching && (stem(cue.text) === stem(last.text) || stem(cue.text).startsWith(stem(last.text)))) {
      merged[merged.length - 1] = { startTime: last.startTime, endTime: Math.max(last.endTime, cue.endTime), text: cue.text };
    } else merged.push({ ...cue });
  }
  return merged.map((c) => cueLine(`hls-${c.startTime.toFixed(3)}`, c.text, channel, new Date(wallClockAt(c.startTime)), new Date(wallClockAt(c.endTime))));
}

/** A caption of the stream's subtitle track as a caption line: final, of no speaker or track, in the channel's language (the floor's is not known). */
export function cueLine(segmentId: string, text: string, channel: Channel, startsAt: Date, endsAt: Date, receivedAt = 0): CaptionLine {
  return { segmentId, final: true, trackSid: "", channel, speaker: "", language: channel === "floor" ? "" : channel, startsAt, endsAt, text, receivedAt };
}
