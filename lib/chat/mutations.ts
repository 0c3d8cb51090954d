// Writes of a forum room's chat. A message is stored first, then broadcast by the server to the
// room (RoomService sendData, topic CHAT_TOPIC) — the stage, or the breakout room the writer is in,
// never both: a working group's words stay in it. What everyone reads is what the database holds,
// with the sender named by the server. A deletion hides the message for everyone, late joiners
// included, and keeps who deleted it and when.
import "server-only";
import { DataPacket_Kind } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit } from "@/lib/rooms/livekit";
import { resolveActingRoom, type ActingRoom, type RoomRef } from "@/lib/rooms/acting-room";
import { requireStageJoin } from "@/lib/rooms/join";
import { requireRoomParticipant } from "@/lib/rooms/requests";
import { messageSelect, roomWhere, toView } from "./data";
import { CHAT_TOPIC, encodeChatPacket, type ChatMessageView, type ChatPacket } from "./message";
import { chatPostSchema } from "./schema";

/** A person may write a line every two seconds on average, with room for a quick burst. */
const CHAT_LIMIT = { max: 30, windowSeconds: 60 };

function broadcast(stage: ActingRoom, packet: ChatPacket) {
  return callLiveKit((svc) => svc.sendData(stage.roomName, encodeChatPacket(packet), DataPacket_Kind.RELIABLE, { topic: CHAT_TOPIC }), "roomNotFound");
}

/** Stores and broadcasts a message from the actor, who must be connected to the room. */
export async function postChatMessage(actor: Actor | null, raw: RoomRef & { body: string }): Promise<ChatMessageView> {
  const parsed = chatPostSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "invalidInput");
  const { body } = parsed.data;
  const { stage, member } = await requireRoomParticipant(actor, parsed.data, "chat", CHAT_LIMIT);
  // The room's title as it is now goes with the message: the export says where it was said even
  // once the room is gone.
  const breakout = stage.breakoutId ? await db.breakout.findUnique({ where: { id: stage.breakoutId }, select: { title: true } }) : null;
  const row = await db.chatMessage.create({
    data: { forumId: stage.forumId, breakoutId: stage.breakoutId, breakoutTitle: breakout?.title ?? undefined, userId: member.userId, body },
    select: messageSelect,
  });
  const message = toView(row);
  await broadcast(stage, { type: "message", message });
  return message;
}

/** Hides a message for everyone (organizers of the event only), of the room the organizer is in
 * (a visited breakout room's, or the stage's); audited with that room. */
export async function deleteChatMessage(actor: Actor | null, ref: RoomRef, messageId: string): Promise<void> {
  const access = await requireStageJoin(actor, ref.sessionId);
  const { member } = access;
  if (member.role !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
  const stage = await resolveActingRoom(access.stage, member, ref.breakoutId);
  const { count } = await db.chatMessage.updateMany({ where: { ...roomWhere(stage), id: messageId, deletedAt: null }, data: { deletedAt: new Date(), deletedById: member.userId } });
  if (!count) throw new AppError("NOT_FOUND", "chatMessageNotFound");
  await audit(db, {
    eventId: stage.eventId,
    actorId: member.userId,
    action: "room.chatDeleted",
    entityType: "forum",
    entityId: stage.forumId,
    data: { sessionId: ref.sessionId, messageId, room: stage.roomName },
  });
  // Those in the room now drop it at once; anyone joining later never receives it.
  await broadcast(stage, { type: "deleted", id: messageId }).catch((err) => {
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  });
}
