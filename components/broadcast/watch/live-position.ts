// Where an HLS viewer stands in the live window: how far behind the speakers they hear (from the
// playlist's EXT-X-PROGRAM-DATE-TIME: the wall-clock instant of the frame playing now), whether
// they are at the live edge, and the seek bar's range over what the window still holds.

/** Seconds behind real time, to a tenth, or null before a dated frame plays. */
export function latencySeconds(playingDate: Date | null, nowMs: number): number | null {
  if (!playingDate || !Number.isFinite(playingDate.getTime())) return null;
  return Math.max(0, Math.round((nowMs - playingDate.getTime()) / 100) / 10);
}

/** Within this many target durations of the live sync position counts as live (players drift by a segment). */
const LIVE_SLACK_SEGMENTS = 1.5;

/** Whether the viewer is at the live edge, or has gone back in the window. */
export function atLiveEdge(position: number, liveSync: number | null, targetDuration: number): boolean {
  if (liveSync === null) return true;
  return liveSync - position <= Math.max(2, targetDuration * LIVE_SLACK_SEGMENTS);
}

export interface SeekWindow {
  start: number;
  end: number;
}

/** The live window the media element can still seek in, from its `seekable` ranges. */
export function seekWindow(seekable: { length: number; start(i: number): number; end(i: number): number }): SeekWindow | null {
  if (seekable.length === 0) return null;
  const start = seekable.start(0);
  const end = seekable.end(seekable.length - 1);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

/** `m:ss` behind the window's live end, for the seek bar's spoken value. */
export function behindLive(position: number, window: SeekWindow): string {
  const total = Math.max(0, Math.round(window.end - position));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
