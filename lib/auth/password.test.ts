import { describe, expect, it } from "vitest";
import { checkPasswordEvenly, DUMMY_HASH, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("청천-晴天-clean sky");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("청천-晴天-clean sky", stored)).toBe(true);
    expect(await verifyPassword("clean sky", stored)).toBe(false);
  });

  it("salts every hash and never stores the password", async () => {
    const a = await hashPassword("same");
    const b = await hashPassword("same");
    expect(a).not.toBe(b);
    expect(a).not.toContain("same");
  });

  it("rejects malformed stored values", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
  });

  it("checks a password against a stand-in hash of today's cost when there is no account, and says no", async () => {
    const stored = await hashPassword("anything");
    // The same scheme and parameters: the same work whether an account exists or not.
    expect(DUMMY_HASH.split("$").slice(0, 4)).toEqual(stored.split("$").slice(0, 4));
    expect(await checkPasswordEvenly("plenary-dummy-password", null)).toBe(false);
    expect(await checkPasswordEvenly("anything", stored)).toBe(true);
    expect(await checkPasswordEvenly("wrong", stored)).toBe(false);
  });
});
