"use server";
// Server actions of the room chat: post, read the history, delete (organizers).
import { getActor } from "@/lib/auth/current";
import { actorAction, runAction, type ActionResult } from "@/lib/http/action";
import { getChatHistory } from "./data";
import type { ChatMessageView } from "./message";
import { deleteChatMessage, postChatMessage } from "./mutations";
import { chatDeleteSchema, chatHistorySchema } from "./schema";

// postChatMessage parses its own input: an empty or overlong line is refused with its own key.
export async function sendChatMessageAction(sessionId: string, body: string): Promise<ActionResult<ChatMessageView>> {
  return runAction(async () => postChatMessage(await getActor(), { sessionId, body }));
}

export async function chatHistoryAction(sessionId: string): Promise<ActionResult<ChatMessageView[]>> {
  return actorAction(chatHistorySchema, { sessionId }, (input, actor) => getChatHistory(actor, input.sessionId));
}

export async function deleteChatMessageAction(sessionId: string, messageId: string): Promise<ActionResult> {
  return actorAction(chatDeleteSchema, { sessionId, messageId }, async (input, actor) => (await deleteChatMessage(actor, input.sessionId, input.messageId), null));
}
