import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress } from "./client-address";

describe("the client address", () => {
  it("is the connection's own address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("::ffff:198.51.100.7", "203.0.113.1", 0)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", undefined, 0)).toBe("198.51.100.7");
  });

  it("is the entry as many hops back as there are trusted proxies, never one a client added before them", () => {
    // client 203.0.113.9 → proxy A (appends 203.0.113.9) → app (connection from A).
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
    // A client that sends its own header only adds entries to the left of what the proxy appended.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 203.0.113.9", 1)).toBe("203.0.113.9");
    // Two proxies: client → B → A → app.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.3", 2)).toBe("203.0.113.9");
    // Fewer entries than hops (a misconfiguration): the leftmost there is.
    expect(resolveClientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", ["1.1.1.1", "203.0.113.9"], 1)).toBe("203.0.113.9");
  });

  it("reads addresses in their usual spellings and drops what is not one", () => {
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
    expect(normalizeAddress("unknown")).toBe("");
    expect(normalizeAddress("evil\u0000")).toBe("");
    expect(resolveClientAddress(undefined, "x", 0)).toBe("unknown");
  });
});
