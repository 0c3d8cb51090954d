"use server";
// The organizers' captions switch (the run sheet); lib/captions/control.ts checks the organizer.
import { actorAction, type ActionResult } from "@/lib/http/action";
import { z } from "@/lib/zod";
import { setForumCaptions } from "./control";

const captionsSwitch = z.object({ forumId: z.string().min(1).max(100), on: z.boolean() });

export async function setForumCaptionsAction(forumId: string, on: boolean): Promise<ActionResult<null>> {
  return actorAction(captionsSwitch, { forumId, on }, (input, actor) => setForumCaptions(actor, input.forumId, input.on).then(() => null));
}
