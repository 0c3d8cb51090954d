import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionFromCookie } from "./session-cookie";

const sessionUserId = async (headers: Headers, env: Record<string, string | undefined>) => (await sessionFromCookie(headers, env))?.userId ?? null;

const SECRET = "a-session-secret-of-more-than-32-characters";
const HTTP = "authjs.session-token";
const HTTPS = "__Secure-authjs.session-token";
const env = { AUTH_SECRET: SECRET };

async function sealed(sub: string, { name = HTTP, secret = SECRET, maxAge }: { name?: string; secret?: string; maxAge?: number } = {}) {
  return encode({ token: { sub, email: `${sub}@example.org`, name: sub }, secret, salt: name, maxAge });
}

function request(cookie: string, proto = "http", extra: Record<string, string> = {}) {
  return new Headers({ cookie, "x-forwarded-proto": proto, ...extra });
}

describe("sessionFromCookie", () => {
  it("reads the account from the session cookie Auth.js sets over http", async () => {
    expect(await sessionUserId(request(`other=1; ${HTTP}=${await sealed("u1")}`), env)).toBe("u1");
  });

  it("reads the __Secure- cookie over https, and only that one", async () => {
    expect(await sessionUserId(request(`${HTTPS}=${await sealed("u2", { name: HTTPS })}`, "https"), env)).toBe("u2");
    // The plain cookie's token is sealed with its own name: not a session over https.
    expect(await sessionUserId(request(`${HTTP}=${await sealed("u2")}`, "https"), env)).toBeNull();
    // Nor the other way round, even if renamed.
    expect(await sessionUserId(request(`${HTTP}=${await sealed("u2", { name: HTTPS })}`), env)).toBeNull();
  });

  it("takes the protocol from AUTH_URL when it is set, as Auth.js does", async () => {
    const cookie = `${HTTPS}=${await sealed("u3", { name: HTTPS })}`;
    expect(await sessionUserId(request(cookie, "http"), { ...env, AUTH_URL: "https://plenary.example" })).toBe("u3");
    expect(await sessionUserId(request(cookie, "https"), { ...env, AUTH_URL: "http://127.0.0.1:3000" })).toBeNull();
  });

  it("refuses expired, tampered and foreign cookies", async () => {
    const expired = await sealed("u4", { maxAge: -60 });
    expect(await sessionUserId(request(`${HTTP}=${expired}`), env)).toBeNull();
    const good = await sealed("u4");
    const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionUserId(request(`${HTTP}=${tampered}`), env)).toBeNull();
    expect(await sessionUserId(request(`${HTTP}=${await sealed("u4", { secret: "another-secret-of-more-than-32-characters" })}`), env)).toBeNull();
    expect(await sessionUserId(request(`${HTTP}=not-a-token`), env)).toBeNull();
  });

  it("accepts a rotated-out secret while it is still configured", async () => {
    const old = "the-previous-secret-of-more-than-32-characters";
    const cookie = `${HTTP}=${await sealed("u5", { secret: old })}`;
    expect(await sessionUserId(request(cookie), { AUTH_SECRET: SECRET, AUTH_SECRET_1: old })).toBe("u5");
    expect(await sessionUserId(request(cookie), env)).toBeNull();
  });

  it("joins a session cookie Auth.js split into chunks", async () => {
    const token = await sealed("u6");
    const cut = Math.floor(token.length / 2);
    expect(await sessionUserId(request(`${HTTP}.1=${token.slice(cut)}; ${HTTP}.0=${token.slice(0, cut)}`), env)).toBe("u6");
  });

  it("answers null without a cookie or a secret, and never takes a token from the Authorization header", async () => {
    const token = await sealed("u7");
    expect(await sessionUserId(new Headers({ "x-forwarded-proto": "http", "authorization": `Bearer ${token}` }), env)).toBeNull();
    expect(await sessionUserId(request(`${HTTP}=${token}`), {})).toBeNull();
  });

  it("reads the session version the cookie was issued under (0 for cookies from before versions)", async () => {
    const versioned = await encode({ token: { sub: "u7", sv: 3 }, secret: SECRET, salt: HTTP });
    expect(await sessionFromCookie(request(`${HTTP}=${versioned}`), env)).toEqual({ userId: "u7", sessionVersion: 3 });
    expect(await sessionFromCookie(request(`${HTTP}=${await sealed("u8")}`), env)).toEqual({ userId: "u8", sessionVersion: 0 });
  });
});
