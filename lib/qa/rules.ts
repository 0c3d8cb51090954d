// The rules of a session's Q&A: where a new question starts, who sees which question and its
// asker, what the asker and the organizers may do in each state, and the order lists are shown
// in. Pure, for the server and the browser alike.
import { decideStay, type JoinRefusal } from "@/lib/rooms/grants";

export type QaModeration = "open" | "approve";
export type QaBoundary = "stay" | "next";
export interface QaSettings {
  moderation: QaModeration;
  boundary: QaBoundary;
}
export const DEFAULT_QA_SETTINGS: QaSettings = { moderation: "open", boundary: "stay" };
export type QuestionStatus = "pending" | "approved" | "dismissed" | "answered" | "withdrawn";
export type ModerationCommand = "approve" | "dismiss" | "answer";
export type QuestionSort = "votes" | "newest";

/** The most a question may hold, in characters. */
export const QUESTION_MAX_LENGTH = 500;

export interface QaViewer {
  userId: string;
  organizer: boolean;
}

/**
 * Whether a person may ask and vote in a session's Q&A and polls: whoever may stay in its forum's
 * room (the room's own rule), and an approved audience member of the event, who watches every
 * broadcast forum instead of joining the room — unless an organizer removed them from this
 * forum's room. Nobody else gains anything from the audience's exception.
 */
export function decideQaStay(member: Parameters<typeof decideStay>[0]): { allowed: true } | { allowed: false; reason: JoinRefusal } {
  if (member.role === "audience") {
    if (member.status !== "approved") return { allowed: false, reason: "notApproved" };
    return member.banned ? { allowed: false, reason: "removed" } : { allowed: true };
  }
  // A forum that admits people to its room one by one (lib/lobby) still hears its members'
  // questions, but not those of one its organizers turned away.
  const stay = decideStay({ ...member, requiresAdmission: member.requiresAdmission === true && member.lobby === "refused" });
  return stay.allowed ? { allowed: true } : stay;
}

export interface QuestionFacts {
  userId: string | null;
  anonymous: boolean;
  status: QuestionStatus;
}

/** A new question is shown at once in an open Q&A; under approve-first it waits, unless an organizer asked it. */
export function initialStatus(moderation: QaModeration, askerIsOrganizer: boolean): QuestionStatus {
  return moderation === "open" || askerIsOrganizer ? "approved" : "pending";
}

/** Whether the viewer sees the question at all: organizers every one; others the approved and
 * answered ones, and their own while it waits. */
export function seesQuestion(viewer: QaViewer, q: QuestionFacts): boolean {
  if (viewer.organizer) return true;
  if (q.status === "approved" || q.status === "answered") return true;
  return q.status === "pending" && q.userId === viewer.userId;
}

/** Whether the viewer learns who asked: organizers always, the asker themselves, others only when
 * the question was not asked anonymously. */
export function seesAsker(viewer: QaViewer, q: QuestionFacts): boolean {
  if (viewer.organizer || q.userId === viewer.userId) return true;
  return !q.anonymous;
}

/** Votes go to questions everyone sees and nobody has answered yet. */
export function mayVote(status: QuestionStatus): boolean {
  return status === "approved";
}

/** The asker may take a question back while it is unanswered. */
export function mayWithdraw(viewer: QaViewer, q: QuestionFacts): boolean {
  return q.userId === viewer.userId && (q.status === "pending" || q.status === "approved");
}

const moves: Record<ModerationCommand, { from: readonly QuestionStatus[]; to: QuestionStatus }> = {
  approve: { from: ["pending", "dismissed"], to: "approved" },
  dismiss: { from: ["pending", "approved"], to: "dismissed" },
  answer: { from: ["pending", "approved"], to: "answered" },
};

/** The status an organizer's command leads to, or null when it does not apply to this state. */
export function moderate(command: ModerationCommand, status: QuestionStatus): QuestionStatus | null {
  const move = moves[command];
  return move.from.includes(status) ? move.to : null;
}

/** Only an approved question can be the one answered now. */
export function mayPin(status: QuestionStatus): boolean {
  return status === "approved";
}

/** An organizer may correct the text of a question nobody took back. */
export function mayEdit(status: QuestionStatus): boolean {
  return status !== "withdrawn";
}

/** Whether questions may still be asked and voted on: until the session ended (an organizer ended
 * it, or its slot is over). */
export function qaOpen(session: { status: "scheduled" | "live" | "ended"; endsAt: Date }, now: Date): boolean {
  return session.status !== "ended" && now.getTime() < session.endsAt.getTime();
}

/** Most votes first (the earlier question first among equals), or the newest first. */
export function sortQuestions<T extends { votes: number; createdAt: string; id: string }>(list: readonly T[], by: QuestionSort): T[] {
  const older = (a: T, b: T) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  return [...list].sort(by === "votes" ? (a, b) => b.votes - a.votes || older(a, b) : (a, b) => older(b, a));
}

/** Whether a question asked to a session goes to the forum's next session instead: only when the
 * event chose so, the session asked to is over (ended by an organizer, or its slot passed while the
 * room stays open) and the next one has not ended. */
export function flowsToNext(boundary: QaBoundary, asked: { status: "scheduled" | "live" | "ended"; slotEndsAt: Date }, next: { status: "scheduled" | "live" | "ended" } | null, now: Date): boolean {
  if (boundary !== "next" || !next || next.status === "ended") return false;
  return asked.status === "ended" || now.getTime() >= asked.slotEndsAt.getTime();
}
