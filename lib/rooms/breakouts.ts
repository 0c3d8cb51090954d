// Breakout rooms' rules (the organizers' side is lib/breakouts), pure: where a forum's run stands at an instant, who may hold a token for which
// breakout room, and what they may publish there. The token route, the webhook enforcement and
// the room UI read the same functions.
import type { RegistrationRole } from "@/lib/auth/roles";
import { speakSources, stageGrant, type StageGrant, type StageRole } from "./grants";
import { breakoutRoomName } from "./room-name";

/** The attribute the server writes on a stage participant: the breakout they go to ("choose":
 * they pick one) and, after `@`, the instant the rooms open. Only the server writes it. */
export const BREAKOUT_ATTRIBUTE = "plenary.breakout";

/** The attribute the server writes on a breakout participant: the instant everyone returns. */
export const BREAKOUT_CLOSES_ATTRIBUTE = "plenary.breakoutClosesAt";

/** The data topic of an organizer's message to every breakout room. */
export const BREAKOUT_MESSAGE_TOPIC = "plenary.breakout.message";

export const COUNTDOWN_SECONDS = [10, 30, 60] as const;

export type BreakoutMode = "assigned" | "choose";

export interface BreakoutRunState {
  mode: BreakoutMode;
  status: "closed" | "open" | "closing";
  opensAt: Date | null;
  closesAt: Date | null;
}

export type RunPhase = "closed" | "opening" | "open" | "closing";

/** The run as people see it at `now`: the stored status, with its instants passed or not. */
export function runPhase(run: BreakoutRunState | null, now: Date): RunPhase {
  if (!run || run.status === "closed") return "closed";
  if (run.status === "closing") return run.closesAt && now.getTime() < run.closesAt.getTime() ? "closing" : "closed";
  return run.opensAt && now.getTime() < run.opensAt.getTime() ? "opening" : "open";
}

export type BreakoutRefusal = "breakoutsClosed" | "breakoutsNotOpenYet" | "notAssigned" | "breakoutNotFound";

export interface BreakoutRequest {
  role: RegistrationRole;
  run: BreakoutRunState | null;
  /** The breakout the person is assigned to (or chose), if any. */
  assigned: string | null;
  /** The breakout the client asked for (an organizer visiting); absent: their own. */
  asked: string | null;
  /** The forum's breakout ids. */
  breakouts: readonly string[];
  now: Date;
}

/**
 * Which breakout room someone already allowed to stay in the forum (decideStay) may join: their
 * own, while the rooms are open or closing. Organizers visit any, at any time the run is not
 * closed, and need no assignment.
 */
export function decideBreakout(req: BreakoutRequest): { allowed: true; breakoutId: string } | { allowed: false; reason: BreakoutRefusal } {
  const phase = runPhase(req.run, req.now);
  if (req.role === "organizer") {
    const id = req.asked ?? req.assigned;
    if (!id || !req.breakouts.includes(id)) return { allowed: false, reason: "breakoutNotFound" };
    return phase === "closed" ? { allowed: false, reason: "breakoutsClosed" } : { allowed: true, breakoutId: id };
  }
  if (phase === "closed") return { allowed: false, reason: "breakoutsClosed" };
  if (phase === "opening") return { allowed: false, reason: "breakoutsNotOpenYet" };
  if (!req.assigned || !req.breakouts.includes(req.assigned) || (req.asked && req.asked !== req.assigned)) return { allowed: false, reason: "notAssigned" };
  return { allowed: true, breakoutId: req.assigned };
}

/** What a role may publish in a breakout: as on the stage, except that delegates may speak —
 * a working group is where they talk. Observers still listen; interpreters keep their booth grant. */
export function breakoutGrant(role: StageRole): StageGrant {
  const grant = stageGrant(role);
  if (role !== "delegate") return grant;
  return { ...grant, canPublish: true, canPublishSources: [...speakSources] };
}

/** The value of BREAKOUT_ATTRIBUTE: `<breakoutId or "choose">@<opensAt ISO>`, or "" (none). */
export function toBreakoutAttribute(target: string | null, opensAt: Date | null): string {
  return target && opensAt ? `${target}@${opensAt.toISOString()}` : "";
}

export function parseBreakoutAttribute(value: string | undefined): { target: string; opensAt: number } | null {
  if (!value) return null;
  const at = value.lastIndexOf("@");
  const opensAt = Date.parse(value.slice(at + 1));
  if (at <= 0 || Number.isNaN(opensAt)) return null;
  return { target: value.slice(0, at), opensAt };
}

export type StageBreakoutView =
  | { kind: "none" }
  | { kind: "countdown"; target: string; seconds: number }
  | { kind: "move"; target: string }
  | { kind: "choose" }
  /** They left their room by their own choice since it opened: offered, not sent, back. */
  | { kind: "offer"; target: string };

/**
 * What a participant's client on the stage does with the breakout attribute (its `value`) at `now`
 * (the server's clock): nothing, count down, move, let them choose; or, when they came back from
 * that room themselves (`returned`) after it opened, offer the way back instead of sending them.
 */
export function stageBreakoutView(value: string | undefined, now: number, returned: { breakoutId: string; at: number } | null): StageBreakoutView {
  const going = parseBreakoutAttribute(value);
  if (!going) return { kind: "none" };
  if (now < going.opensAt) return { kind: "countdown", target: going.target, seconds: Math.ceil((going.opensAt - now) / 1000) };
  if (going.target === "choose") return { kind: "choose" };
  if (returned && returned.breakoutId === going.target && returned.at >= going.opensAt) return { kind: "offer", target: going.target };
  return { kind: "move", target: going.target };
}

/** The LiveKit room an action inside the forum's rooms acts on: its stage (no breakout) or that breakout room. */
export function actingRoomName(stageRoomName: string, breakoutId: string | null): string {
  return breakoutId ? breakoutRoomName(stageRoomName, breakoutId) : stageRoomName;
}
