"use server";
// Server actions of the backstage: the organizers' switch, list and calls. The forum comes from the
// session (or forum) on the server; lib/backstage checks the organizer on each call.
import { actorAction, type ActionResult } from "@/lib/http/action";
import { backstageViewSchema, setBackstageSchema, stageCallSchema } from "./schema";
import { setForumBackstage } from "./settings";
import { bringOnStage, getBackstageView, sendBackstage, type BackstageView } from "./stage-calls";

const done = () => null;

export async function backstageViewAction(sessionId: string): Promise<ActionResult<BackstageView>> {
  return actorAction(backstageViewSchema, { sessionId }, (input, actor) => getBackstageView(actor, input.sessionId));
}

export async function bringOnStageAction(sessionId: string, identity: string): Promise<ActionResult> {
  return actorAction(stageCallSchema, { sessionId, identity }, (input, actor) => bringOnStage(actor, input.sessionId, input.identity).then(done));
}

export async function sendBackstageAction(sessionId: string, identity: string): Promise<ActionResult> {
  return actorAction(stageCallSchema, { sessionId, identity }, (input, actor) => sendBackstage(actor, input.sessionId, input.identity).then(done));
}

export async function setBackstageAction(forumId: string, on: boolean): Promise<ActionResult> {
  return actorAction(setBackstageSchema, { forumId, on }, (input, actor) => setForumBackstage(actor, input.forumId, input.on).then(done));
}
