"use server";
// Server actions of breakout rooms. The organizers' take the forum id (the run sheet's box and the
// room's panel both know it); lib/breakouts/organizer checks the organizer on each call. The
// participants' take the session they are in, checked as a stage join.
import { actorAction, type ActionResult } from "@/lib/http/action";
import { getBreakoutBoard, type BreakoutBoard } from "./data";
import { assignAll, assignPerson, createBreakouts, deleteBreakout, renameBreakout, setBreakoutMode } from "./mutations";
import { organizerOfForum, organizerOfSession } from "./organizer";
import { chooseBreakout, getBreakoutInfo, type BreakoutInfo } from "./participant";
import { broadcastToBreakouts, closeBreakouts, openBreakouts } from "./run";
import {
  assignAllSchema,
  assignPersonSchema,
  breakoutRefSchema,
  chooseSchema,
  countdownSchema,
  createBreakoutsSchema,
  forumRefSchema,
  messageSchema,
  renameBreakoutSchema,
  sessionRefSchema,
  setModeSchema,
} from "./schema";
import type { LocalizedText } from "@/lib/i18n/localized";

const done = () => null;

export async function breakoutBoardAction(forumId: string): Promise<ActionResult<BreakoutBoard>> {
  return actorAction(forumRefSchema, { forumId }, async (input, actor) => getBreakoutBoard((await organizerOfForum(actor, input.forumId)).forum.forumId));
}

/** The board of the forum a session is in, for the room's organizer panel. */
export async function breakoutBoardOfSessionAction(sessionId: string): Promise<ActionResult<BreakoutBoard>> {
  return actorAction(sessionRefSchema, { sessionId }, async (input, actor) => getBreakoutBoard((await organizerOfSession(actor, input.sessionId)).forum.forumId));
}

export async function createBreakoutsAction(forumId: string, count: number): Promise<ActionResult> {
  return actorAction(createBreakoutsSchema, { forumId, count }, async (input, actor) => createBreakouts(await organizerOfForum(actor, input.forumId), input.count).then(done));
}

export async function renameBreakoutAction(forumId: string, breakoutId: string, title: LocalizedText): Promise<ActionResult> {
  return actorAction(renameBreakoutSchema, { forumId, breakoutId, title }, async (input, actor) =>
    renameBreakout(await organizerOfForum(actor, input.forumId), input.breakoutId, input.title).then(done),
  );
}

export async function deleteBreakoutAction(forumId: string, breakoutId: string): Promise<ActionResult> {
  return actorAction(breakoutRefSchema, { forumId, breakoutId }, async (input, actor) => deleteBreakout(await organizerOfForum(actor, input.forumId), input.breakoutId).then(done));
}

export async function assignPersonAction(forumId: string, userId: string, breakoutId: string | null): Promise<ActionResult> {
  return actorAction(assignPersonSchema, { forumId, userId, breakoutId }, async (input, actor) =>
    assignPerson(await organizerOfForum(actor, input.forumId), input.userId, input.breakoutId).then(done),
  );
}

/** Answers how many people were placed. */
export async function assignAllAction(forumId: string, strategy: "random" | "pairs", seed?: number): Promise<ActionResult<number>> {
  return actorAction(assignAllSchema, { forumId, strategy, seed }, async (input, actor) => assignAll(await organizerOfForum(actor, input.forumId), input.strategy, input.seed));
}

export async function setBreakoutModeAction(forumId: string, mode: "assigned" | "choose"): Promise<ActionResult> {
  return actorAction(setModeSchema, { forumId, mode }, async (input, actor) => setBreakoutMode(await organizerOfForum(actor, input.forumId), input.mode).then(done));
}

/** Answers the instant the rooms open (ISO). */
export async function openBreakoutsAction(forumId: string, seconds: number): Promise<ActionResult<string>> {
  return actorAction(countdownSchema, { forumId, seconds }, async (input, actor) => (await openBreakouts(await organizerOfForum(actor, input.forumId), input.seconds)).toISOString());
}

/** Answers the instant everyone returns to the stage (ISO). */
export async function closeBreakoutsAction(forumId: string, seconds: number): Promise<ActionResult<string>> {
  return actorAction(countdownSchema, { forumId, seconds }, async (input, actor) => (await closeBreakouts(await organizerOfForum(actor, input.forumId), input.seconds)).toISOString());
}

export async function messageBreakoutsAction(forumId: string, text: string): Promise<ActionResult> {
  return actorAction(messageSchema, { forumId, text }, async (input, actor) => broadcastToBreakouts(await organizerOfForum(actor, input.forumId), input.text).then(done));
}

export async function breakoutInfoAction(sessionId: string): Promise<ActionResult<BreakoutInfo>> {
  return actorAction(sessionRefSchema, { sessionId }, (input, actor) => getBreakoutInfo(actor, input.sessionId));
}

export async function chooseBreakoutAction(sessionId: string, breakoutId: string): Promise<ActionResult> {
  return actorAction(chooseSchema, { sessionId, breakoutId }, (input, actor) => chooseBreakout(actor, input.sessionId, input.breakoutId).then(done));
}
