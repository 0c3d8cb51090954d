import { describe, expect, it } from "vitest";
import { matchShortcut, SHORTCUTS } from "./shortcuts";

const press = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...mods,
});

describe("room shortcuts", () => {
  it("match Alt with the letter's physical key, whatever character the layout types", () => {
    expect(matchShortcut(press("KeyA"))).toBe("mic");
    expect(matchShortcut(press("KeyV"))).toBe("camera");
    expect(matchShortcut(press("KeyY"))).toBe("hand");
  });
  it("ignore the letter alone and Alt with Ctrl, Meta or Shift (the browser's and the system's own)", () => {
    expect(matchShortcut(press("KeyA", { altKey: false }))).toBeNull();
    expect(matchShortcut(press("KeyA", { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press("KeyA", { metaKey: true }))).toBeNull();
    expect(matchShortcut(press("KeyA", { shiftKey: true }))).toBeNull();
    expect(matchShortcut(press("KeyQ"))).toBeNull();
  });
  it("give every action its own key", () => {
    const codes = Object.values(SHORTCUTS).map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
