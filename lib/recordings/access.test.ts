import { describe, expect, it } from "vitest";
import { recordingAccess } from "./access";

const ready = { published: true, status: "ready", eventPublished: true } as const;
const organizer = { role: "organizer", status: "approved" } as const;
const delegate = { role: "delegate", status: "approved" } as const;
const pending = { role: "delegate", status: "pending" } as const;

describe("recordingAccess", () => {
  it("lets anyone watch a public, published, ready recording", () => {
    expect(recordingAccess({ ...ready, visibility: "public" }, false, null)).toBe("allow");
  });
  it("asks a signed-out viewer to sign in for a registered-only recording", () => {
    expect(recordingAccess({ ...ready, visibility: "registered" }, false, null)).toBe("unauthenticated");
  });
  it("lets approved participants, not pending ones, watch registered-only recordings", () => {
    expect(recordingAccess({ ...ready, visibility: "registered" }, true, delegate)).toBe("allow");
    expect(recordingAccess({ ...ready, visibility: "registered" }, true, pending)).toBe("forbidden");
    expect(recordingAccess({ ...ready, visibility: "registered" }, true, null)).toBe("forbidden");
  });
  it("keeps organizers-only recordings from delegates", () => {
    expect(recordingAccess({ ...ready, visibility: "organizers" }, true, delegate)).toBe("forbidden");
    expect(recordingAccess({ ...ready, visibility: "organizers" }, true, organizer)).toBe("allow");
  });
  it("hides unpublished and unfinished recordings from everyone but organizers", () => {
    expect(recordingAccess({ visibility: "public", published: false, status: "ready", eventPublished: true }, true, delegate)).toBe("notFound");
    expect(recordingAccess({ visibility: "public", published: true, status: "processing", eventPublished: true }, false, null)).toBe("notFound");
    expect(recordingAccess({ visibility: "organizers", published: false, status: "failed", eventPublished: true }, true, organizer)).toBe("allow");
  });

  it("hides every recording of an event hidden from the public, but from its organizers", () => {
    expect(recordingAccess({ ...ready, visibility: "public", eventPublished: false }, false, null)).toBe("notFound");
    expect(recordingAccess({ ...ready, visibility: "registered", eventPublished: false }, true, delegate)).toBe("notFound");
    expect(recordingAccess({ ...ready, visibility: "public", eventPublished: false }, true, organizer)).toBe("allow");
  });
});
