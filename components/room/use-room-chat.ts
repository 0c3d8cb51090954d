"use client";
// The room's chat as this viewer sees it — the stage's, or in a breakout room that room's own:
// its last messages from the server when joining (so a late joiner reads what was said), then each message the server broadcasts.
// Packets on the chat topic count only when the server sent them (no sender identity, which the
// server asserts for every participant's packet): a participant's own packet could claim any author.
// (Hidden participants' packets also come without one, so no hidden token may publish data.)
import { useCallback, useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, type RemoteParticipant } from "livekit-client";
import { chatHistoryAction, deleteChatMessageAction, sendChatMessageAction } from "@/lib/chat/actions";
import type { ActionFailure } from "@/lib/http/action-result";
import { CHAT_TOPIC, decodeChatPacket, mergeMessages, type ChatMessageView } from "@/lib/chat/message";
import { useRoomInfo } from "./room-info";

export interface RoomChat {
  messages: ChatMessageView[];
  /** Resolves to an error key, or null once the server has stored the message. */
  send: (text: string) => Promise<string | null>;
  remove: (id: string) => Promise<string | null>;
}

export function useRoomChat(): RoomChat {
  const room = useRoomContext();
  const { sessionId, breakoutId = null } = useRoomInfo();
  const [messages, setMessages] = useState<ChatMessageView[]>([]);

  useEffect(() => {
    let live = true;
    // The last argument is the sender's identity as the server asserted it: empty only for what the
    // server itself sent (a participant not yet known here would also come without a participant).
    const onData = (payload: Uint8Array, _p?: RemoteParticipant, _kind?: unknown, topic?: string, _enc?: unknown, sender?: string) => {
      if (topic !== CHAT_TOPIC || sender) return;
      const packet = decodeChatPacket(payload);
      if (packet?.type === "message") setMessages((m) => mergeMessages(m, [packet.message]));
      if (packet?.type === "deleted") setMessages((m) => m.filter((x) => x.id !== packet.id));
    };
    room.on(RoomEvent.DataReceived, onData);
    // A move to another room remounts the room view (it connects anew), so each room's chat starts empty.
    chatHistoryAction(sessionId, breakoutId).then(
      (r) => live && r.ok && setMessages((m) => mergeMessages(r.data, m)),
      () => {},
    );
    return () => {
      live = false;
      room.off(RoomEvent.DataReceived, onData);
    };
  }, [room, sessionId, breakoutId]);

  const send = useCallback(
    async (text: string) => {
      const r = await sendChatMessageAction(sessionId, text, breakoutId).catch((): ActionFailure => ({ ok: false, error: "unknown" }));
      if (!r.ok) return r.error;
      setMessages((m) => mergeMessages(m, [r.data]));
      return null;
    },
    [sessionId, breakoutId],
  );

  const remove = useCallback(
    async (id: string) => {
      const r = await deleteChatMessageAction(sessionId, id, breakoutId).catch((): ActionFailure => ({ ok: false, error: "unknown" }));
      if (!r.ok) return r.error;
      setMessages((m) => m.filter((x) => x.id !== id));
      return null;
    },
    [sessionId, breakoutId],
  );

  return { messages, send, remove };
}
