// The recording's speaker layout, over plain descriptions of the people on the stage: one tile
// large (a shared screen, else whoever speaks), a strip of the most recent other speakers. Pure, so
// the rules are tested without a room; the page feeds it from LiveKit's state.

/** How many people the strip under the main tile holds. */
export const STRIP_SIZE = 6;

export interface StagePerson {
  identity: string;
  /** When they joined (ms); orders the strip, so tiles do not jump when someone speaks. */
  joinedAt: number;
  /** When they last spoke (ms), or 0 when not yet. */
  lastSpokeAt: number;
  /** When their screen share appeared (ms), or null when they share nothing. */
  sharingSince: number | null;
}

export type TileSource = "camera" | "screen";

export interface LayoutTile {
  identity: string;
  source: TileSource;
}

export interface SpeakerLayout {
  main: LayoutTile | null;
  strip: LayoutTile[];
}

/**
 * Who holds the main tile when nobody shares a screen: the previous holder while they still speak
 * (two people talking over each other must not flip the picture), else the loudest current
 * speaker, else the previous holder while present, else the most recent speaker, else the first in.
 */
export function pickFocus(people: readonly StagePerson[], speaking: readonly string[], previous: string | null): string | null {
  const present = new Set(people.map((p) => p.identity));
  if (previous && present.has(previous) && speaking.includes(previous)) return previous;
  const loudest = speaking.find((id) => present.has(id));
  if (loudest) return loudest;
  if (previous && present.has(previous)) return previous;
  const byRecency = [...people].sort((a, b) => b.lastSpokeAt - a.lastSpokeAt || a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity));
  return byRecency[0]?.identity ?? null;
}

/** The layout for `focus` (from pickFocus): the latest screen share wins the main tile over it. */
export function speakerLayout(people: readonly StagePerson[], focus: string | null): SpeakerLayout {
  const sharer = people.filter((p) => p.sharingSince !== null).sort((a, b) => b.sharingSince! - a.sharingSince! || a.identity.localeCompare(b.identity))[0];
  const main: LayoutTile | null = sharer ? { identity: sharer.identity, source: "screen" } : focus && people.some((p) => p.identity === focus) ? { identity: focus, source: "camera" } : null;
  // With a screen on the main tile, its sharer's camera stays in the strip.
  const others = people.filter((p) => !(main?.source === "camera" && p.identity === main.identity));
  const recent = [...others].sort((a, b) => b.lastSpokeAt - a.lastSpokeAt || a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity)).slice(0, STRIP_SIZE);
  const strip = recent.sort((a, b) => a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity)).map((p) => ({ identity: p.identity, source: "camera" as const }));
  return { main, strip };
}
