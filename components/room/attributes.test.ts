import { describe, expect, it } from "vitest";
import { handQueue, isStageRole, readAttributes } from "./attributes";

describe("readAttributes", () => {
  it("reads role, organisation, language and the raised hand", () => {
    const attributes = { role: "delegate", organization: "nier", "organization.en": "NIER", "organization.ko": "국립환경과학원", language: "ko", hand: "2021-11-22T00:31:00.000Z" };
    expect(readAttributes(attributes, "ko")).toEqual({
      role: "delegate",
      organisation: "국립환경과학원",
      language: "ko",
      handRaisedAt: "2021-11-22T00:31:00.000Z",
    });
  });
  it("falls back to the English name, then the organisation's key", () => {
    expect(readAttributes({ organization: "nier", "organization.en": "NIER" }, "zh").organisation).toBe("NIER");
    expect(readAttributes({ organization: "nier" }, "zh").organisation).toBe("nier");
  });
  it("treats unknown roles and empty values as absent", () => {
    expect(readAttributes({ role: "king", hand: "" })).toEqual({ role: null, organisation: null, language: null, handRaisedAt: null });
    expect(readAttributes(undefined).role).toBeNull();
  });
});

describe("handQueue", () => {
  it("lists raised hands in the order they went up, ties by identity", () => {
    const people: { identity: string; attributes: Record<string, string> }[] = [
      { identity: "c", attributes: { hand: "2021-11-22T00:32:00Z" } },
      { identity: "a", attributes: {} },
      { identity: "d", attributes: { hand: "2021-11-22T00:31:00Z" } },
      { identity: "b", attributes: { hand: "2021-11-22T00:32:00Z" } },
    ];
    expect(handQueue(people).map((p) => p.identity)).toEqual(["d", "b", "c"]);
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
