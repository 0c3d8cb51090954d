// Writes of a forum room's chat. A message is stored first, then broadcast by the server to the
// room (RoomService sendData, topic CHAT_TOPIC): what everyone reads is what the database holds,
// with the sender named by the server. A deletion hides the message for everyone, late joiners
// included, and keeps who deleted it and when.
import "server-only";
import { DataPacket_Kind } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit } from "@/lib/rooms/livekit";
import { requireStageJoin } from "@/lib/rooms/join";
import { requireRoomParticipant } from "@/lib/rooms/requests";
import type { Stage } from "@/lib/rooms/data";
import { messageSelect, toView } from "./data";
import { CHAT_TOPIC, encodeChatPacket, type ChatMessageView, type ChatPacket } from "./message";
import { chatPostSchema } from "./schema";

/** A person may write a line every two seconds on average, with room for a quick burst. */
const CHAT_LIMIT = { max: 30, windowSeconds: 60 };

function broadcast(stage: Stage, packet: ChatPacket) {
  return callLiveKit((svc) => svc.sendData(stage.roomName, encodeChatPacket(packet), DataPacket_Kind.RELIABLE, { topic: CHAT_TOPIC }), "roomNotFound");
}

/** Stores and broadcasts a message from the actor, who must be connected to the room. */
export async function postChatMessage(actor: Actor | null, raw: { sessionId: string; body: string }): Promise<ChatMessageView> {
  const parsed = chatPostSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "invalidInput");
  const { sessionId, body } = parsed.data;
  const { stage, member } = await requireRoomParticipant(actor, sessionId, "chat", CHAT_LIMIT);
  const row = await db.chatMessage.create({ data: { forumId: stage.forumId, userId: member.userId, body }, select: messageSelect });
  const message = toView(row);
  await broadcast(stage, { type: "message", message });
  return message;
}

/** Hides a message for everyone (organizers of the event only); audited. */
export async function deleteChatMessage(actor: Actor | null, sessionId: string, messageId: string): Promise<void> {
  const { stage, member } = await requireStageJoin(actor, sessionId);
  if (member.role !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
  const { count } = await db.chatMessage.updateMany({ where: { id: messageId, forumId: stage.forumId, deletedAt: null }, data: { deletedAt: new Date(), deletedById: member.userId } });
  if (!count) throw new AppError("NOT_FOUND", "chatMessageNotFound");
  await audit(db, { eventId: stage.eventId, actorId: member.userId, action: "room.chatDeleted", entityType: "forum", entityId: stage.forumId, data: { sessionId, messageId } });
  // Those in the room now drop it at once; anyone joining later never receives it.
  await broadcast(stage, { type: "deleted", id: messageId }).catch((err) => {
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  });
}
