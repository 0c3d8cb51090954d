// Pure rules of the recordings player: what a key does, where a chapter jump lands, and where an
// interpretation channel's audio stands at a moment of the video.
import { chapterAt } from "@/lib/recordings/chapters";

export type KeyAction = { kind: "toggle" } | { kind: "seekBy"; seconds: number } | { kind: "chapter"; direction: -1 | 1 };

const actions: Record<string, KeyAction> = {
  " ": { kind: "toggle" },
  "k": { kind: "toggle" },
  "j": { kind: "seekBy", seconds: -10 },
  "l": { kind: "seekBy", seconds: 10 },
  "ArrowLeft": { kind: "seekBy", seconds: -5 },
  "ArrowRight": { kind: "seekBy", seconds: 5 },
  ",": { kind: "chapter", direction: -1 },
  ".": { kind: "chapter", direction: 1 },
};

/** The player's action for a key (`KeyboardEvent.key`), or null when the key is not a shortcut. */
export function keyAction(key: string): KeyAction | null {
  return actions[key.length === 1 ? key.toLowerCase() : key] ?? null;
}

/**
 * Every key belongs to a focused field; Space and the arrows to a focused button or link. A
 * focused <video> plays/pauses on Space by itself, whatever preventDefault says (Chromium), so
 * handling Space there too would toggle twice; its own arrow step is tiny, so ours apply.
 */
export function keyBelongsToTarget(key: string, target: "field" | "control" | "media" | "other"): boolean {
  if (target === "field") return true;
  if (target === "media") return key === " ";
  return target === "control" && (key === " " || key.startsWith("Arrow"));
}

/** Within this long of a chapter's start, "previous" goes to the chapter before it (as players do). */
const RESTART_WINDOW_MS = 3000;

/** Where a previous/next-chapter jump from `positionMs` lands, or null when there is no such chapter. */
export function chapterJump(chapters: readonly { offsetMs: number }[], positionMs: number, direction: -1 | 1): number | null {
  const current = chapterAt(chapters, positionMs);
  if (direction === 1) return chapters[current + 1]?.offsetMs ?? null;
  if (current < 0) return null;
  if (positionMs - chapters[current].offsetMs > RESTART_WINDOW_MS) return chapters[current].offsetMs;
  return chapters[current - 1]?.offsetMs ?? chapters[current].offsetMs;
}

/**
 * Where the channel's audio should be (seconds into its own file) when the video is at
 * `videoSeconds`, or null when the channel has not started yet or is over: the floor plays then.
 * `fileSeconds` is the audio file's own duration, when known, for a channel without one recorded.
 */
export function channelTime(channel: { offsetMs: number; durationMs: number | null }, videoSeconds: number, fileSeconds = Infinity): number | null {
  const at = videoSeconds - channel.offsetMs / 1000;
  const end = channel.durationMs !== null ? channel.durationMs / 1000 : fileSeconds;
  return at >= 0 && at < end ? at : null;
}

/** The channel audio is re-aligned when it strays further than this from the video. */
export const DRIFT_SECONDS = 0.3;
