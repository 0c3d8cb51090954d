"use server";
// Server actions of the room chat: post, read the history, delete (organizers).
import { getActor } from "@/lib/auth/current";
import { runAction, type ActionResult } from "@/lib/rooms/action-result";
import { getChatHistory } from "./data";
import type { ChatMessageView } from "./message";
import { deleteChatMessage, postChatMessage } from "./mutations";
import { chatDeleteSchema, chatHistorySchema } from "./schema";

export async function sendChatMessageAction(sessionId: string, body: string): Promise<ActionResult<{ message: ChatMessageView }>> {
  return runAction(async () => ({ message: await postChatMessage(await getActor(), { sessionId, body }) }));
}

export async function chatHistoryAction(sessionId: string): Promise<ActionResult<{ messages: ChatMessageView[] }>> {
  return runAction(async () => {
    const input = chatHistorySchema.parse({ sessionId });
    return { messages: await getChatHistory(await getActor(), input.sessionId) };
  });
}

export async function deleteChatMessageAction(sessionId: string, messageId: string): Promise<ActionResult> {
  return runAction(async () => {
    const input = chatDeleteSchema.parse({ sessionId, messageId });
    await deleteChatMessage(await getActor(), input.sessionId, input.messageId);
  });
}
