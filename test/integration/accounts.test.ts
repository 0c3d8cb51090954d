// Accounts that hold against abuse, on real PostgreSQL and a real SMTP server: sessions that end
// (a copied cookie stops working after sign-out, a password reset, a decline, losing organizer
// rights — the stage token's one read included), password sign-in limits that slow strangers
// without locking the owner out (per address, per account and address, per account from unknown
// addresses, a mailed notice), the same answers and password work for unknown addresses, and
// mail links that a stranger can delay but never withhold.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";
import { startSmtp } from "../smtp";

const SECRET = "an-auth-secret-of-more-than-32-characters!";
const COOKIE = "authjs.session-token";

describe("accounts", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let lib: {
    cookie: typeof import("../../lib/auth/session-cookie");
    version: typeof import("../../lib/auth/session-version");
    guard: typeof import("../../lib/auth/sign-in-guard");
    mail: typeof import("../../lib/auth/mail-guard");
    password: typeof import("../../lib/auth/password");
    reset: typeof import("../../lib/account/reset");
    organizer: typeof import("../../lib/registration/organizer");
    token: typeof import("../../lib/rooms/token");
  };

  beforeAll(async () => {
    db = await migratedDatabase("accounts");
    smtp = await startSmtp();
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, SMTP_URL: smtp.url, AUTH_SECRET: SECRET, MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), "plenary-mail-")) });
    lib = {
      cookie: await import("../../lib/auth/session-cookie"),
      version: await import("../../lib/auth/session-version"),
      guard: await import("../../lib/auth/sign-in-guard"),
      mail: await import("../../lib/auth/mail-guard"),
      password: await import("../../lib/auth/password"),
      reset: await import("../../lib/account/reset"),
      organizer: await import("../../lib/registration/organizer"),
      token: await import("../../lib/rooms/token"),
    };
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });

  /** The actor a copied session cookie, issued at the account's version now, names later. */
  async function copiedCookie(userId: string) {
    const { sessionVersion } = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const token = await encode({ token: { sub: userId, sv: sessionVersion }, secret: SECRET, salt: COOKIE });
    const headers = new Headers({ "cookie": `${COOKIE}=${token}`, "x-forwarded-proto": "http" });
    return async () => {
      const actor = await lib.cookie.sessionFromCookie(headers, { AUTH_SECRET: SECRET });
      return actor && (await lib.version.isSessionCurrent(actor)) ? actor : null;
    };
  }

  describe("sessions", () => {
    it("end everywhere when the account signs out: a copied cookie no longer names anyone", async () => {
      const [person] = await makeUsers(db.prisma, "sign-out", 1);
      const copy = await copiedCookie(person.id);
      expect(await copy()).toMatchObject({ userId: person.id });
      // What Auth.js's signOut event does (lib/auth/auth.ts).
      await lib.version.endSessions(db.prisma, [person.id]);
      expect(await copy()).toBeNull();
      // A session started afterwards works.
      expect(await (await copiedCookie(person.id))()).toMatchObject({ userId: person.id });
    });

    it("end when the password is reset through the mailed link", async () => {
      const [person] = await makeUsers(db.prisma, "reset-ends", 1);
      const copy = await copiedCookie(person.id);
      await lib.reset.requestPasswordReset(person.email, "198.51.100.1", "en");
      const mail = await smtp.waitFor(person.email, /password/i);
      const token = (mail.text ?? "").match(/reset-password\/(\S+)/)![1];
      await lib.reset.resetPassword(token, "a brand new password");
      expect(await copy()).toBeNull();
    });

    it("end for a person declined at the desk and for an organizer who loses the role, and their stage token is refused", async () => {
      const now = Date.now();
      const event = await makeEvent(db.prisma, { capacity: 10, policy: "approval" });
      // A forum on now, published, so that a token would be issued.
      const forum = await db.prisma.forum.update({ where: { eventId_slug: { eventId: event.id, slug: "main" } }, data: { startsAt: new Date(now - 3600_000), endsAt: new Date(now + 3600_000) } });
      const text = { ko: "s", zh: "s", en: "s" };
      const session = await db.prisma.session.create({ data: { forumId: forum.id, key: "s", title: text, abstract: text, language: "en", startsAt: forum.startsAt, endsAt: forum.endsAt } });
      const { publishAgenda } = await import("../../lib/agenda/publish");
      await publishAgenda(event.id, null, { client: db.prisma });
      const [boss, deputy, delegate] = await makeUsers(db.prisma, "ended", 3);
      await enrol(db.prisma, event.id, boss.id, "organizer");
      const deputyReg = await enrol(db.prisma, event.id, deputy.id, "organizer");
      const delegateReg = await enrol(db.prisma, event.id, delegate.id, "delegate");
      await db.prisma.registrationForum.create({ data: { registrationId: delegateReg.id, forumId: forum.id } });
      const [deputyCopy, delegateCopy] = [await copiedCookie(deputy.id), await copiedCookie(delegate.id)];
      const delegateActor = (await delegateCopy())!;
      expect((await lib.token.issueStageToken(delegateActor, session.id)).roomName).toBe(forum.roomName);

      await lib.organizer.decideRegistrations({ userId: boss.id }, event.slug, { ids: [delegateReg.id], decision: "declined" });
      expect(await delegateCopy()).toBeNull();
      // The token route reads the cookie alone (no account read) and checks the version in its one statement.
      await expect(lib.token.issueStageToken(delegateActor, session.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

      await lib.organizer.changeRoles({ userId: boss.id }, event.slug, { ids: [deputyReg.id], role: "delegate" });
      expect(await deputyCopy()).toBeNull();
    });
  });

  describe("password sign-in", () => {
    const wrong = "not the password at all";
    const right = "the owner's own password";

    async function owner(prefix: string) {
      const [person] = await makeUsers(db.prisma, prefix, 1);
      await db.prisma.user.update({ where: { id: person.id }, data: { passwordHash: await lib.password.hashPassword(right) } });
      return person;
    }

    it("slow a stranger guessing at an account from one address, never the owner elsewhere", async () => {
      const person = await owner("guessed");
      const outcomes = [];
      for (let i = 0; i < 11; i++) outcomes.push((await lib.guard.checkPasswordSignIn(person.email, wrong, "203.0.113.66")).ok ? "ok" : "no");
      expect(outcomes.every((o) => o === "no")).toBe(true);
      // After a few tries the stranger's address waits, whatever the password.
      expect(await lib.guard.checkPasswordSignIn(person.email, right, "203.0.113.66")).toEqual({ ok: false, reason: "rateLimited" });
      // The owner, from another address, signs in at once.
      expect(await lib.guard.checkPasswordSignIn(person.email, right, "198.51.100.20")).toMatchObject({ ok: true, user: { id: person.id } });
    });

    it("slow a guess spread over many addresses for addresses the account never used, tell the owner once, and let the owner in where they signed in before", async () => {
      const person = await owner("distributed");
      expect((await lib.guard.checkPasswordSignIn(person.email, right, "198.51.100.30")).ok).toBe(true);
      for (let i = 0; i < 20; i++) expect(await lib.guard.checkPasswordSignIn(person.email, wrong, `203.0.113.${100 + i}`)).toEqual({ ok: false, reason: "badCredentials" });
      // A 21st unknown address waits, even with the right password…
      expect(await lib.guard.checkPasswordSignIn(person.email, right, "203.0.113.200")).toEqual({ ok: false, reason: "rateLimited" });
      // …the owner's own address does not.
      expect((await lib.guard.checkPasswordSignIn(person.email, right, "198.51.100.30")).ok).toBe(true);
      const notice = await smtp.waitFor(person.email, /failed sign-in attempts/i);
      expect(notice.text).toContain("sign-in link");
      await lib.guard.checkPasswordSignIn(person.email, wrong, "203.0.113.201");
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.messages.filter((m) => m.envelopeTo.includes(person.email) && /failed sign-in/i.test(m.mail.subject ?? ""))).toHaveLength(1);
    });

    it("count failures from one address across accounts, but not its successes (a venue behind one address)", async () => {
      const venue = "192.0.2.50";
      const people = await Promise.all(Array.from({ length: 3 }, (_, i) => owner(`venue-${i}`)));
      for (let i = 0; i < 40; i++) expect((await lib.guard.checkPasswordSignIn(people[i % 3].email, right, venue)).ok).toBe(true);
      for (let i = 0; i < 30; i++) await lib.guard.checkPasswordSignIn(`nobody-${i}@test.example`, wrong, venue);
      expect(await lib.guard.checkPasswordSignIn(people[0].email, right, venue)).toEqual({ ok: false, reason: "rateLimited" });
    });

    it("answer an unknown address as a wrong password, after the same password work", async () => {
      const person = await owner("known");
      const scrypt = vi.spyOn(crypto, "scrypt");
      const known = await lib.guard.checkPasswordSignIn(person.email, wrong, "198.51.100.40");
      const knownWork = scrypt.mock.calls.length;
      const unknown = await lib.guard.checkPasswordSignIn("no-such-person@test.example", wrong, "198.51.100.40");
      const linkOnly = (await makeUsers(db.prisma, "link-only", 1))[0];
      const noPassword = await lib.guard.checkPasswordSignIn(linkOnly.email, wrong, "198.51.100.40");
      expect(knownWork).toBe(1);
      expect(scrypt.mock.calls.length).toBe(3);
      // The same parameters each time: the same cost.
      expect(new Set(scrypt.mock.calls.map((c) => JSON.stringify(c[3])))).toHaveProperty("size", 1);
      scrypt.mockRestore();
      expect([known, unknown, noPassword]).toEqual([
        { ok: false, reason: "badCredentials" },
        { ok: false, reason: "badCredentials" },
        { ok: false, reason: "badCredentials" },
      ]);
    });
  });

  describe("mailed links", () => {
    it("reach a link-only person whom a stranger keeps asking links for: a new one waits a little, the last one always still works", async () => {
      const email = "link-only-owner@test.example";
      const lifetimeMinutes = 15;
      const start = Date.UTC(2030, 0, 1);
      const sent: number[] = [];
      // A stranger asks every minute for two hours, from addresses of their own.
      for (let minute = 0; minute < 120; minute++) {
        const at = start + minute * 60_000;
        if (await lib.mail.mailTurn("link", `203.0.113.${minute % 50}`, email, lifetimeMinutes, new Date(at))) sent.push(at);
        // Whenever the owner looks, the newest mail's link was sent less than a link's lifetime ago.
        expect(at - sent.at(-1)!).toBeLessThan(lifetimeMinutes * 60_000);
      }
      // …and the mailbox is not flooded: far fewer mails than requests.
      expect(sent.length).toBeLessThan(20);
    });
  });
});
