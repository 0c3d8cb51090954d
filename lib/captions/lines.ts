// The captions a room's client keeps: one line per segment, the latest text of an interim caption
// replaced by its final one (never the other way round), in the order they were spoken, the most
// recent KEEP of them. Pure: components/captions/use-captions.ts feeds it.
import type { Channel } from "@/lib/rooms/interpretation";
import type { CaptionFacts } from "./wire";

export const KEEP = 600;

export interface CaptionLine extends CaptionFacts {
  text: string;
  /** The speaker's name when the line came from the stored transcript (they may have left the room). */
  speakerName?: string;
  /** When this client received the line's latest text (the room's estimate of the server's clock; only for fading it out). */
  receivedAt: number;
}

export function mergeCaption(lines: readonly CaptionLine[], next: CaptionLine): CaptionLine[] {
  const at = lines.findIndex((l) => l.segmentId === next.segmentId);
  if (at >= 0) {
    if (lines[at].final && !next.final) return lines as CaptionLine[];
    const copy = lines.slice();
    copy[at] = next;
    return copy;
  }
  const merged = [...lines, next];
  // Streams of two channels arrive interleaved; keep them in spoken order.
  if (lines.length && next.startsAt < lines[lines.length - 1].startsAt) merged.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return merged.length > KEEP ? merged.slice(merged.length - KEEP) : merged;
}

/**
 * The stored transcript (a late joiner's history) taken in under what arrived live: a line already
 * here stays unless the stored one is final and it is not; spoken order; the most recent KEEP.
 */
export function mergeHistory(lines: readonly CaptionLine[], history: readonly CaptionLine[]): CaptionLine[] {
  const live = new Map(lines.map((l) => [l.segmentId, l]));
  const merged = new Map(history.map((h) => [h.segmentId, h]));
  for (const [id, l] of live) {
    const stored = merged.get(id);
    merged.set(id, stored && stored.final && !l.final ? { ...stored, receivedAt: l.receivedAt } : l);
  }
  const all = [...merged.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return all.length > KEEP ? all.slice(all.length - KEEP) : all;
}

/** A channel's lines, optionally only those containing `query` (case and width folded). */
export function channelLines(lines: readonly CaptionLine[], channel: Channel, query = ""): CaptionLine[] {
  const q = fold(query.trim());
  return lines.filter((l) => l.channel === channel && (!q || fold(l.text).includes(q)));
}

export function fold(s: string): string {
  return s.normalize("NFKC").toLocaleLowerCase();
}
