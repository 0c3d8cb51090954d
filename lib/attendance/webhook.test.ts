import { WebhookEvent } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { attendanceChange } from "./webhook";

// Payloads shaped as the LiveKit server sends them (protobuf JSON: camelCase, int64 as strings).
const participant = (over: Record<string, unknown> = {}) => ({ sid: "PA_1", identity: "user-1", name: "Kim", state: "ACTIVE", joinedAt: "1893488400", joinedAtMs: "1893488400250", ...over });
// Round-tripped through JSON text, as received: a field set to undefined is absent.
const event = (json: Record<string, unknown>) =>
  WebhookEvent.fromJsonString(JSON.stringify({ id: "EV_1", createdAt: "1893488460", room: { sid: "RM_1", name: "forum-room" }, ...json }), { ignoreUnknownFields: true });
const received = new Date("2030-01-01T12:00:00Z");

describe("attendance change of a LiveKit webhook", () => {
  it("reads a join with the participant's exact join time", () => {
    expect(attendanceChange(event({ event: "participant_joined", participant: participant() }), received)).toEqual({
      kind: "joined",
      id: "EV_1",
      event: "participant_joined",
      room: "forum-room",
      at: new Date("2030-01-01T09:01:00Z"),
      sid: "PA_1",
      identity: "user-1",
      joinedAt: new Date("2030-01-01T09:00:00.250Z"),
    });
  });

  it("reads a leave at the event's time, keeping the join time it carries", () => {
    const change = attendanceChange(event({ event: "participant_left", participant: participant() }), received);
    expect(change).toMatchObject({ kind: "left", sid: "PA_1", at: new Date("2030-01-01T09:01:00Z"), joinedAt: new Date("2030-01-01T09:00:00.250Z") });
  });

  it("never puts a leave before its join when both fall in the same second (the event's time has whole seconds)", () => {
    const sameSecond = event({ event: "participant_left", createdAt: "1893488400", participant: participant() });
    expect(attendanceChange(sameSecond, received)).toMatchObject({ at: new Date("2030-01-01T09:00:00.250Z") });
  });

  it("falls back to whole seconds, then to the event's time, when the join time is missing", () => {
    const seconds = attendanceChange(event({ event: "participant_joined", participant: participant({ joinedAtMs: undefined }) }), received);
    expect(seconds).toMatchObject({ joinedAt: new Date("2030-01-01T09:00:00Z") });
    const none = attendanceChange(event({ event: "participant_left", participant: participant({ joinedAtMs: undefined, joinedAt: undefined }) }), received);
    expect(none).toMatchObject({ joinedAt: new Date("2030-01-01T09:01:00Z") });
  });

  it("reads room_finished and aborted connections", () => {
    expect(attendanceChange(event({ event: "room_finished" }), received)).toMatchObject({ kind: "roomFinished", room: "forum-room" });
    expect(attendanceChange(event({ event: "participant_connection_aborted", participant: participant() }), received)).toMatchObject({ kind: "aborted", sid: "PA_1" });
  });

  it("uses the receiving time when LiveKit gave no creation time", () => {
    expect(attendanceChange(event({ event: "room_finished", createdAt: undefined }), received)).toMatchObject({ at: received });
  });

  it("ignores track and egress events, the egress recorder and agents, and payloads without an id or room", () => {
    expect(attendanceChange(event({ event: "track_published", participant: participant() }), received)).toBeNull();
    expect(attendanceChange(event({ event: "egress_started" }), received)).toBeNull();
    expect(attendanceChange(event({ event: "participant_joined", participant: participant({ kind: "EGRESS" }) }), received)).toBeNull();
    expect(attendanceChange(event({ event: "participant_joined", participant: participant({ kind: "AGENT" }) }), received)).toBeNull();
    expect(attendanceChange(event({ event: "participant_joined", participant: participant({ kind: "SIP" }) }), received)).not.toBeNull();
    expect(attendanceChange(event({ event: "participant_joined", id: "", participant: participant() }), received)).toBeNull();
    expect(attendanceChange(event({ event: "participant_joined", room: undefined, participant: participant() }), received)).toBeNull();
  });
});
