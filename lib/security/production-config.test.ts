import { describe, expect, it } from "vitest";
import { isLoopbackUrl, unsafeProductionSettings } from "./production-config";

const safe = { AUTH_SECRET: "x".repeat(40), LIVEKIT_API_KEY: "APIabc", LIVEKIT_API_SECRET: "s".repeat(40), PUBLIC_BASE_URL: "https://plenary.example.org" };

describe("production configuration", () => {
  it("lets a configured server start", () => {
    expect(unsafeProductionSettings(safe)).toEqual([]);
  });

  it("names each unsafe variable in a sentence of its own", () => {
    const problems = unsafeProductionSettings({ LIVEKIT_API_KEY: "devkey", LIVEKIT_API_SECRET: "secret", PUBLIC_BASE_URL: "http://plenary.example.org" });
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["AUTH_SECRET", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "PUBLIC_BASE_URL"]);
    expect(problems[3]).toContain("http://plenary.example.org");
  });

  it("refuses the development key or secret alone", () => {
    expect(unsafeProductionSettings({ ...safe, LIVEKIT_API_KEY: "devkey" })).toHaveLength(1);
    expect(unsafeProductionSettings({ ...safe, LIVEKIT_API_SECRET: "secret" })).toHaveLength(1);
  });

  it("knows loopback addresses, which only this machine reaches", () => {
    expect(["http://localhost:3000", "http://127.0.0.1:3100", "http://[::1]:3000"].every(isLoopbackUrl)).toBe(true);
    expect(["http://192.168.1.5:3000", "https://plenary.example.org", "http://localhost.evil.example", "nonsense"].some(isLoopbackUrl)).toBe(false);
  });
});
