// A room chat message as the server broadcasts it (RoomService sendData on the topic below) and
// as clients read it. Only the server sends on this topic: a packet a participant sent carries
// their identity, one the server sent carries none, and clients accept only the latter.
// Pure, for server and browser alike.

export const CHAT_TOPIC = "plenary.chat";

/** The most a message may hold, in characters. */
export const CHAT_MAX_LENGTH = 2000;

export interface ChatMessageView {
  id: string;
  /** The author's user id (their identity in the room), or null for a deleted account. */
  identity: string | null;
  /** As registered, in their own script and in Latin. */
  name: string;
  nameLatin: string | null;
  body: string;
  /** ISO instant the server received it. */
  at: string;
}

export type ChatPacket = { type: "message"; message: ChatMessageView } | { type: "deleted"; id: string };

export function encodeChatPacket(packet: ChatPacket): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(packet));
}

/** The packet, or null for anything that is not one of ours in the expected shape. */
export function decodeChatPacket(bytes: Uint8Array): ChatPacket | null {
  try {
    const p = JSON.parse(new TextDecoder().decode(bytes)) as Partial<ChatPacket> & { message?: Partial<ChatMessageView>; id?: unknown };
    if (p.type === "deleted" && typeof p.id === "string") return { type: "deleted", id: p.id };
    const m = p.type === "message" ? p.message : null;
    if (m && typeof m.id === "string" && typeof m.body === "string" && typeof m.name === "string" && typeof m.at === "string") {
      return {
        type: "message",
        message: { id: m.id, identity: typeof m.identity === "string" ? m.identity : null, name: m.name, nameLatin: typeof m.nameLatin === "string" ? m.nameLatin : null, body: m.body, at: m.at },
      };
    }
    return null;
  } catch {
    return null;
  }
}

/** Adds `incoming` to `list` once (a message sent here also comes back as a broadcast), in time order. */
export function mergeMessages(list: readonly ChatMessageView[], incoming: readonly ChatMessageView[]): ChatMessageView[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
