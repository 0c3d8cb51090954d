"use server";
// The organizers' captions switch (the run sheet; lib/captions/control.ts checks the organizer),
// and the transcript so far for a late joiner (lib/captions/history.ts checks the stage join).
import { actorAction, type ActionResult } from "@/lib/http/action";
import { z } from "@/lib/zod";
import { setForumCaptions } from "./control";
import { getCaptionHistory, type CaptionHistoryLine } from "./history";

const captionsSwitch = z.object({ forumId: z.string().min(1).max(100), on: z.boolean() });

export async function setForumCaptionsAction(forumId: string, on: boolean): Promise<ActionResult<null>> {
  return actorAction(captionsSwitch, { forumId, on }, (input, actor) => setForumCaptions(actor, input.forumId, input.on).then(() => null));
}

const historyOf = z.object({ sessionId: z.string().min(1).max(100) });

export async function captionHistoryAction(sessionId: string): Promise<ActionResult<CaptionHistoryLine[]>> {
  return actorAction(historyOf, { sessionId }, (input, actor) => getCaptionHistory(actor, input.sessionId));
}
