"use server";
// Server actions of the polls: answering for whoever may be in the forum's room; preparing,
// launching, closing and revealing for the event's organizers. Errors are keys of "polls.errors".
import { getActor } from "@/lib/auth/current";
import { organizerAction, runAction, type ActionResult } from "@/lib/http/action";
import type { z } from "@/lib/zod";
import { getEditorPolls } from "./data";
import { commandPoll, createPoll, deletePoll, updatePoll, votePoll } from "./mutations";
import type { PollCommand } from "./rules";
import { pollInputSchema, type PollInput } from "./schema";
import type { PollView } from "./view";

const firstIssue = (err: z.ZodError) => err.issues[0]?.message ?? "invalidInput";

export async function votePollAction(pollId: string, choices: string[]): Promise<ActionResult<{ choices: string[] }>> {
  return runAction(async () => votePoll(await getActor(), pollId, { choices }), firstIssue);
}

export async function editorPollsAction(slug: string, sessionId: string): Promise<ActionResult<PollView[]>> {
  return organizerAction(slug, (access) => getEditorPolls(access, sessionId));
}

/** Creates a draft (no `pollId`) or rewrites one. */
export async function savePollAction(slug: string, sessionId: string, pollId: string | null, input: PollInput): Promise<ActionResult<null>> {
  const parsed = pollInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  return organizerAction(slug, async (access) => {
    if (pollId) await updatePoll(access, pollId, parsed.data);
    else await createPoll(access, sessionId, parsed.data);
    return null;
  });
}

export async function deletePollAction(slug: string, pollId: string): Promise<ActionResult<null>> {
  return organizerAction(slug, async (access) => (await deletePoll(access, pollId), null));
}

export async function pollCommandAction(slug: string, pollId: string, command: PollCommand): Promise<ActionResult<null>> {
  return organizerAction(slug, async (access) => (await commandPoll(access, pollId, command), null));
}
