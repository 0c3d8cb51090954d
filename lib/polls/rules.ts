// The rules of a session's polls: when a poll takes votes (its timer included), which answers are
// valid, who sees a poll and its results, what organizers may do in each state, and the count.
// Pure, for the server and the browser alike.
import type { LocalizedText } from "@/lib/i18n/localized";

export type PollStatus = "draft" | "open" | "closed";
export type PollCommand = "open" | "close" | "reveal" | "hide";

export interface PollOption {
  id: string;
  label: LocalizedText;
}

export const POLL_MAX_OPTIONS = 10;
export const POLL_TEXT_MAX = 300;
export const POLL_TIMER_MIN = 10;
export const POLL_TIMER_MAX = 3600;

export interface PollTiming {
  status: PollStatus;
  openedAt: Date | null;
  timerSeconds: number | null;
}

/** When an open poll with a timer closes by itself (null without one, or before it opened). */
export function closesAt(poll: PollTiming): Date | null {
  if (!poll.openedAt || poll.timerSeconds == null) return null;
  return new Date(poll.openedAt.getTime() + poll.timerSeconds * 1000);
}

/** The poll's state at `now`: an open poll whose timer ran out is closed, whatever the row says. */
export function effectiveStatus(poll: PollTiming, now: Date): PollStatus {
  const end = closesAt(poll);
  return poll.status === "open" && end && now.getTime() >= end.getTime() ? "closed" : poll.status;
}

/** The answer as stored (each option once, in the poll's order), or the key of what is wrong with it. */
export function checkChoices(options: readonly PollOption[], multiple: boolean, choices: readonly string[]): { ok: true; choices: string[] } | { ok: false; error: string } {
  const chosen = new Set(choices);
  if (!chosen.size || [...chosen].some((c) => !options.some((o) => o.id === c))) return { ok: false, error: "pollChoiceInvalid" };
  if (!multiple && chosen.size !== 1) return { ok: false, error: "pollSingleChoice" };
  return { ok: true, choices: options.filter((o) => chosen.has(o.id)).map((o) => o.id) };
}

/** Organizers see every poll, drafts included; others those launched. */
export function seesPoll(organizer: boolean, status: PollStatus): boolean {
  return organizer || status !== "draft";
}

/** Organizers see the results live; others once an organizer reveals them. */
export function seesResults(organizer: boolean, poll: { status: PollStatus; revealed: boolean }): boolean {
  return organizer || (poll.revealed && poll.status !== "draft");
}

/** The status (and revealed flag) an organizer's command leads to, or null when it does not apply. */
export function applyCommand(command: PollCommand, poll: { status: PollStatus; revealed: boolean }): { status: PollStatus; revealed: boolean } | null {
  if (command === "open") return poll.status === "draft" ? { status: "open", revealed: poll.revealed } : null;
  if (command === "close") return poll.status === "open" ? { status: "closed", revealed: poll.revealed } : null;
  if (poll.status === "draft") return null;
  const revealed = command === "reveal";
  return poll.revealed === revealed ? null : { status: poll.status, revealed };
}

/** Votes per option, in the poll's order, from each person's answer. */
export function tally(options: readonly PollOption[], answers: readonly (readonly string[])[]): { optionId: string; count: number }[] {
  const counts = new Map(options.map((o) => [o.id, 0]));
  for (const answer of answers) for (const c of new Set(answer)) if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  return options.map((o) => ({ optionId: o.id, count: counts.get(o.id)! }));
}
