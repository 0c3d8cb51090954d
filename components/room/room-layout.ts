// What the stage shows, over plain descriptions of the people in the room. Speaker view: one tile
// large (a pinned tile, else the latest screen share, else whoever speaks), the others in a strip,
// the viewer's own camera small in a corner. Gallery: every camera, screen shares first, in pages.
// Pure, so the rules are tested without a room; the stage feeds it from LiveKit's state.
import { pickFocus, type StagePerson } from "@/components/recordings/egress/speaker-layout";
import { isStageRole, type RoomRole } from "./attributes";

export type RoomLayoutMode = "speaker" | "gallery";

export interface RoomPerson extends StagePerson {
  isLocal: boolean;
  role: RoomRole | null;
}

export interface TileRef {
  identity: string;
  source: "camera" | "screen";
}

export interface SpeakerView {
  main: TileRef | null;
  strip: TileRef[];
  /** The viewer's own camera, small; null when it is the main tile. */
  self: TileRef | null;
}

export const sameTile = (a: TileRef | null, b: TileRef | null) => !!a && !!b && a.identity === b.identity && a.source === b.source;

/** Organizers and speakers first, then everyone else, each by arrival. */
function cameraOrder(people: readonly RoomPerson[]): RoomPerson[] {
  return [...people].sort((a, b) => Number(isStageRole(b.role)) - Number(isStageRole(a.role)) || a.joinedAt - b.joinedAt || a.identity.localeCompare(b.identity));
}

/** Screens first (latest first), then the cameras in cameraOrder. */
function ordered(people: readonly RoomPerson[]): TileRef[] {
  const screens = people
    .filter((p) => p.sharingSince !== null)
    .sort((a, b) => b.sharingSince! - a.sharingSince! || a.identity.localeCompare(b.identity))
    .map((p) => ({ identity: p.identity, source: "screen" as const }));
  return [...screens, ...cameraOrder(people).map((p) => ({ identity: p.identity, source: "camera" as const }))];
}

/**
 * The speaker view. The viewer is never their own main tile unless alone (or pinned there);
 * `previousFocus` keeps the picture on one speaker while two talk over each other (pickFocus).
 */
export function speakerView(people: readonly RoomPerson[], speaking: readonly string[], pinned: TileRef | null, previousFocus: string | null): SpeakerView {
  const tiles = ordered(people);
  const self = people.find((p) => p.isLocal);
  const others = people.filter((p) => !p.isLocal);
  const pin = pinned && tiles.some((t) => sameTile(t, pinned)) ? pinned : null;
  const screen = tiles.find((t) => t.source === "screen") ?? null;
  // Only someone heard in this room (or held before) is a speaker to follow; until then the
  // stage's own people (organizers, speakers) lead, then whoever came first.
  const heard = others.filter((p) => p.lastSpokeAt > 0 || speaking.includes(p.identity) || p.identity === previousFocus);
  const focus = heard.length ? pickFocus(heard, speaking, previousFocus) : null;
  const lead = focus ?? others.find((p) => isStageRole(p.role))?.identity ?? cameraOrder(others)[0]?.identity ?? self?.identity ?? null;
  const main: TileRef | null = pin ?? screen ?? (lead ? { identity: lead, source: "camera" } : null);
  const selfTile: TileRef | null = self && !(main?.identity === self.identity && main.source === "camera") ? { identity: self.identity, source: "camera" } : null;
  const strip = tiles.filter((t) => !sameTile(t, main) && !sameTile(t, selfTile));
  return { main, strip, self: selfTile };
}

/** The gallery: every tile, screens first, then the stage's roles, then by arrival. */
export function galleryView(people: readonly RoomPerson[]): TileRef[] {
  return ordered(people);
}
