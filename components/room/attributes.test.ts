import { describe, expect, it } from "vitest";
import { displayName, handQueue, isStageRole, readAttributes, shareQueue } from "./attributes";

describe("readAttributes", () => {
  it("reads role, organisation, language, the Latin name and the requests the server stamped", () => {
    const attributes = {
      "role": "delegate",
      "organization": "nier",
      "organization.en": "NIER",
      "organization.ko": "국립환경과학원",
      "language": "ko",
      "nameLatin": "Kim Minji",
      "hand": "2021-11-22T00:31:00.000Z",
      "shareRequest": "2021-11-22T00:32:00.000Z",
    };
    expect(readAttributes(attributes, "ko")).toEqual({
      role: "delegate",
      organisation: "국립환경과학원",
      language: "ko",
      nameLatin: "Kim Minji",
      handRaisedAt: "2021-11-22T00:31:00.000Z",
      shareRequestedAt: "2021-11-22T00:32:00.000Z",
    });
  });
  it("falls back to the English name, then the organisation's key", () => {
    expect(readAttributes({ "organization": "nier", "organization.en": "NIER" }, "zh").organisation).toBe("NIER");
    expect(readAttributes({ organization: "nier" }, "zh").organisation).toBe("nier");
  });
  it("treats unknown roles and empty values as absent", () => {
    expect(readAttributes({ role: "king", hand: "" })).toEqual({ role: null, organisation: null, language: null, nameLatin: null, handRaisedAt: null, shareRequestedAt: null });
    expect(readAttributes(undefined).role).toBeNull();
  });
});

describe("displayName", () => {
  it("shows the registered name with its Latin form when they differ", () => {
    expect(displayName({ name: "김민지", identity: "u1", attributes: { nameLatin: "Kim Minji" } })).toBe("김민지 · Kim Minji");
    expect(displayName({ name: "Kim Minji", identity: "u1", attributes: { nameLatin: "Kim Minji" } })).toBe("Kim Minji");
    expect(displayName({ name: "", identity: "u1", attributes: {} })).toBe("u1");
  });
});

describe("queues", () => {
  const people: { identity: string; attributes: Record<string, string> }[] = [
    { identity: "c", attributes: { hand: "2021-11-22T00:32:00Z" } },
    { identity: "a", attributes: { shareRequest: "2021-11-22T00:35:00Z" } },
    { identity: "d", attributes: { hand: "2021-11-22T00:31:00Z", shareRequest: "2021-11-22T00:30:00Z" } },
    { identity: "b", attributes: { hand: "2021-11-22T00:32:00Z" } },
  ];
  it("list raised hands in the order the server received them, ties by identity", () => {
    expect(handQueue(people).map((p) => p.identity)).toEqual(["d", "b", "c"]);
  });
  it("list requests to share a screen the same way", () => {
    expect(shareQueue(people).map((p) => p.identity)).toEqual(["d", "a"]);
  });
});

describe("isStageRole", () => {
  it("puts organizers and speakers on the stage, not delegates", () => {
    expect(isStageRole("speaker")).toBe(true);
    expect(isStageRole("organizer")).toBe(true);
    expect(isStageRole("delegate")).toBe(false);
    expect(isStageRole(null)).toBe(false);
  });
});
