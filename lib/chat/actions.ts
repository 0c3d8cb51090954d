"use server";
// Server actions of the room chat: post, read the history, delete (organizers). Each acts on the
// room the client is in: the stage, or `breakoutId`'s breakout room (checked on the server).
import { getActor } from "@/lib/auth/current";
import { actorAction, runAction, type ActionResult } from "@/lib/http/action";
import { getChatHistory } from "./data";
import type { ChatMessageView } from "./message";
import { deleteChatMessage, postChatMessage } from "./mutations";
import { chatDeleteSchema, chatHistorySchema } from "./schema";

// postChatMessage parses its own input: an empty or overlong line is refused with its own key.
export async function sendChatMessageAction(sessionId: string, body: string, breakoutId?: string | null): Promise<ActionResult<ChatMessageView>> {
  return runAction(async () => postChatMessage(await getActor(), { sessionId, breakoutId, body }));
}

export async function chatHistoryAction(sessionId: string, breakoutId?: string | null): Promise<ActionResult<ChatMessageView[]>> {
  return actorAction(chatHistorySchema, { sessionId, breakoutId }, (input, actor) => getChatHistory(actor, input));
}

export async function deleteChatMessageAction(sessionId: string, messageId: string, breakoutId?: string | null): Promise<ActionResult> {
  return actorAction(chatDeleteSchema, { sessionId, breakoutId, messageId }, async (input, actor) => (await deleteChatMessage(actor, input, input.messageId), null));
}
