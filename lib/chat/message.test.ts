import { describe, expect, it } from "vitest";
import { decodeChatPacket, encodeChatPacket, mergeMessages, type ChatMessageView } from "./message";

const message = (id: string, at: string): ChatMessageView => ({ id, identity: "u1", name: "김민지", nameLatin: "Kim Minji", body: `hello ${id}`, at });

describe("chat packets", () => {
  it("read back what they write, Korean and Chinese included", () => {
    const packet = { type: "message" as const, message: { ...message("m1", "2021-11-22T00:31:00.000Z"), body: "안녕하세요 · 你好" } };
    expect(decodeChatPacket(encodeChatPacket(packet))).toEqual(packet);
    expect(decodeChatPacket(encodeChatPacket({ type: "deleted", id: "m1" }))).toEqual({ type: "deleted", id: "m1" });
  });

  it.each([
    ["not JSON", new TextEncoder().encode("{")],
    ["another shape", new TextEncoder().encode(JSON.stringify({ type: "message", message: { id: 1 } }))],
    ["an unknown type", new TextEncoder().encode(JSON.stringify({ type: "poll" }))],
  ])("treat %s as nothing", (_label, bytes) => {
    expect(decodeChatPacket(bytes)).toBeNull();
  });
});

describe("merging messages", () => {
  it("keeps each message once, in the order the server received them", () => {
    const a = message("a", "2021-11-22T00:31:00.000Z");
    const b = message("b", "2021-11-22T00:32:00.000Z");
    const c = message("c", "2021-11-22T00:30:00.000Z");
    expect(mergeMessages([a, b], [b, c]).map((m) => m.id)).toEqual(["c", "a", "b"]);
  });
});
