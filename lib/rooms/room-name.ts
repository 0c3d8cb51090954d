// The names of the LiveKit rooms the app makes, and what a name a webhook carries belongs to. A
// forum's stage is `<event slug>--<forum slug>` (slugs have no dot); every other room of a forum
// hangs off its stage's name after a dot, and a one-to-one meeting's room is `meeting.<id>`, which
// no stage can be. Pure, so the token, the webhooks and the tests read names one way.

export type ParsedRoomName =
  | { kind: "stage"; stageRoomName: string }
  /** The forum's backstage (lib/backstage): the same people as its stage. */
  | { kind: "backstage"; stageRoomName: string }
  /** One of the forum's breakout rooms. */
  | { kind: "breakout"; stageRoomName: string; breakoutId: string }
  /** A meeting between registered people of an event (no forum). */
  | { kind: "meeting"; meetingId: string };

const BACKSTAGE = ".backstage";
const BREAKOUT = ".breakout.";
const MEETING = "meeting.";

export function backstageRoomName(stageRoomName: string): string {
  return `${stageRoomName}${BACKSTAGE}`;
}

export function breakoutRoomName(stageRoomName: string, breakoutId: string): string {
  return `${stageRoomName}${BREAKOUT}${breakoutId}`;
}

export function meetingRoomName(meetingId: string): string {
  return `${MEETING}${meetingId}`;
}

/** What a room name is; a name of no known shape is taken for a stage (which the caller then
 * looks up, and finds none for a room that is not ours). */
export function parseRoomName(name: string): ParsedRoomName {
  if (name.startsWith(MEETING) && name.length > MEETING.length) return { kind: "meeting", meetingId: name.slice(MEETING.length) };
  if (name.endsWith(BACKSTAGE) && name.length > BACKSTAGE.length) return { kind: "backstage", stageRoomName: name.slice(0, -BACKSTAGE.length) };
  const at = name.indexOf(BREAKOUT);
  if (at > 0 && name.length > at + BREAKOUT.length) return { kind: "breakout", stageRoomName: name.slice(0, at), breakoutId: name.slice(at + BREAKOUT.length) };
  return { kind: "stage", stageRoomName: name };
}
