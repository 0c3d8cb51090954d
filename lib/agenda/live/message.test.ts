import { describe, expect, it } from "vitest";
import { parseQaMessage, parseStatusMessage, sseEvent, toQaEvent, toStatusEvent, type StatusMessage } from "./message";

const message: StatusMessage = {
  type: "session.status",
  eventId: "e1",
  eventSlug: "clean-sky-2021",
  sessionId: "s1",
  forumId: "f1",
  status: "live",
  at: "2021-11-22T00:30:00.000Z",
};

describe("live messages", () => {
  it("parses a NOTIFY payload and ignores anything malformed or unknown", () => {
    expect(parseStatusMessage(JSON.stringify(message))).toEqual(message);
    expect(parseStatusMessage("not json")).toBeNull();
    expect(parseStatusMessage(JSON.stringify({ ...message, status: "paused" }))).toBeNull();
    expect(parseStatusMessage(JSON.stringify({ ...message, type: "hand.raised" }))).toBeNull();
    expect(parseStatusMessage(undefined)).toBeNull();
  });

  it("keeps the internal event id out of what browsers receive", () => {
    expect(toStatusEvent(message)).toEqual({ eventSlug: "clean-sky-2021", sessionId: "s1", forumId: "f1", status: "live", at: message.at });
  });

  it("frames a named server-sent event on one data line ended by a blank line", () => {
    expect(sseEvent("status", { a: "x\ny" })).toBe('event: status\ndata: {"a":"x\\ny"}\n\n');
  });
});

describe("Q&A messages", () => {
  const qa = { type: "qa.changed" as const, eventId: "e1", sessionId: "s1", what: "questions" as const, at: "2021-11-22T00:31:00.000Z" };
  it("read back what they write, and carry no text", () => {
    expect(parseQaMessage(JSON.stringify(qa))).toEqual(qa);
    expect(toQaEvent(qa)).toEqual({ sessionId: "s1", what: "questions", at: qa.at });
    expect(parseQaMessage(JSON.stringify({ ...qa, what: "chat" }))).toBeNull();
  });
  it("are not status messages, nor the other way round", () => {
    expect(parseStatusMessage(JSON.stringify(qa))).toBeNull();
    expect(parseQaMessage(JSON.stringify(message))).toBeNull();
  });
});
