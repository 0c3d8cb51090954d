"use server";
// Server actions of the Q&A: asking, voting and withdrawing for whoever may be in the forum's room;
// moderation for the event's organizers. Errors are keys of the "qa.errors" catalogue.
import { getActor } from "@/lib/auth/current";
import { organizerAction, runAction, type ActionResult } from "@/lib/http/action";
import type { z } from "@/lib/zod";
import { askQuestion, editQuestion, moderateQuestion, pinQuestion, setQaSettings, voteQuestion, withdrawQuestion } from "./mutations";
import type { ModerationCommand, QaSettings, QuestionStatus } from "./rules";
import { questionTextSchema, type AskInput } from "./schema";

// Invalid input answers with the first field's own key (questionTooLong, …), not a generic one.
const firstIssue = (err: z.ZodError) => err.issues[0]?.message ?? "invalidInput";

export async function askQuestionAction(sessionId: string, input: AskInput): Promise<ActionResult<{ id: string; status: QuestionStatus; sessionId: string }>> {
  return runAction(async () => askQuestion(await getActor(), sessionId, input), firstIssue);
}

export async function voteQuestionAction(questionId: string, vote: boolean): Promise<ActionResult<{ votes: number; voted: boolean }>> {
  return runAction(async () => voteQuestion(await getActor(), questionId, vote === true));
}

export async function withdrawQuestionAction(questionId: string): Promise<ActionResult<null>> {
  return runAction(async () => (await withdrawQuestion(await getActor(), questionId), null));
}

export async function moderateQuestionAction(slug: string, questionId: string, command: ModerationCommand): Promise<ActionResult<{ status: QuestionStatus }>> {
  return organizerAction(slug, (access) => moderateQuestion(access, questionId, command));
}

export async function editQuestionAction(slug: string, questionId: string, body: string): Promise<ActionResult<null>> {
  const parsed = questionTextSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  return organizerAction(slug, async (access) => (await editQuestion(access, questionId, parsed.data), null));
}

export async function pinQuestionAction(slug: string, sessionId: string, questionId: string | null): Promise<ActionResult<null>> {
  return organizerAction(slug, async (access) => (await pinQuestion(access, sessionId, questionId), null));
}

export async function setQaSettingsAction(slug: string, change: Partial<QaSettings>): Promise<ActionResult<QaSettings>> {
  return organizerAction(slug, (access) => setQaSettings(access, change));
}
