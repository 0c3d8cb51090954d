"use server";
// Server actions of the lobby: a person's own place and "Ask to join" (named by the session they
// opened), and the organizers' list, decisions and switch (named by forum; lib/lobby checks the
// organizer on each call).
import { actorAction, type ActionResult } from "@/lib/http/action";
import type { LobbyView } from "./mutations";
import { admitAll, decide, getLobbyView, knock, setRequiresAdmission } from "./mutations";
import { getLobbyPlace, type LobbyPlace } from "./place";
import { lobbyDecisionSchema, lobbyForumSchema, lobbySessionSchema, requiresAdmissionSchema } from "./schema";

export async function lobbyPlaceAction(sessionId: string): Promise<ActionResult<LobbyPlace>> {
  return actorAction(lobbySessionSchema, { sessionId }, (input, actor) => getLobbyPlace(actor, input.sessionId));
}

export async function knockAction(sessionId: string): Promise<ActionResult<LobbyPlace>> {
  return actorAction(lobbySessionSchema, { sessionId }, (input, actor) => knock(actor, input.sessionId));
}

export async function lobbyViewAction(forumId: string): Promise<ActionResult<LobbyView>> {
  return actorAction(lobbyForumSchema, { forumId }, (input, actor) => getLobbyView(actor, input.forumId));
}

export async function decideLobbyAction(forumId: string, userId: string, decision: "admit" | "refuse"): Promise<ActionResult<{ changed: boolean }>> {
  return actorAction(lobbyDecisionSchema, { forumId, userId, decision }, (input, actor) => decide(actor, input.forumId, input.userId, input.decision));
}

export async function admitAllAction(forumId: string): Promise<ActionResult<{ admitted: number }>> {
  return actorAction(lobbyForumSchema, { forumId }, (input, actor) => admitAll(actor, input.forumId));
}

export async function setRequiresAdmissionAction(forumId: string, on: boolean): Promise<ActionResult<null>> {
  return actorAction(requiresAdmissionSchema, { forumId, on }, (input, actor) => setRequiresAdmission(actor, input.forumId, input.on).then(() => null));
}
