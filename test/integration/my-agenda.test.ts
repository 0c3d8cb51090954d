// My agenda on real PostgreSQL and a real SMTP server: bookmarks, the personal calendar feed, and
// reminder mails that go once even when several app instances sweep at the same moment, each in
// its recipient's language and zone; and the desk's export with its filters, in the console's words.
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import ICAL from "ical.js";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";
import { startSmtp } from "../smtp";

type Lib = {
  sweep: typeof import("../../lib/my-agenda/sweep");
  mutations: typeof import("../../lib/my-agenda/mutations");
  publish: typeof import("../../lib/agenda/publish");
  me: typeof import("../../lib/registration/me");
  exporter: typeof import("../../lib/registration/export");
  desk: typeof import("../../lib/registration/desk");
};

const text = (s: string) => ({ ko: `${s} (ko)`, zh: `${s} (zh)`, en: s });

describe("My agenda on real PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let lib: Lib;
  let event: Awaited<ReturnType<typeof makeEvent>>;
  let opening: { id: string };
  let later: { id: string };

  beforeAll(async () => {
    db = await migratedDatabase("my_agenda");
    smtp = await startSmtp();
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, SMTP_URL: smtp.url, MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), "plenary-mail-")), REMINDER_LEAD_MINUTES: "15" });
    lib = {
      sweep: await import("../../lib/my-agenda/sweep"),
      mutations: await import("../../lib/my-agenda/mutations"),
      publish: await import("../../lib/agenda/publish"),
      me: await import("../../lib/registration/me"),
      exporter: await import("../../lib/registration/export"),
      desk: await import("../../lib/registration/desk"),
    };
    // One forum 2030-01-01 00:00–03:00 UTC (09:00–12:00 in Seoul) with two sessions, published.
    event = await makeEvent(db.prisma, { capacity: 100, policy: "open" });
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    const session = (key: string, start: string, end: string) =>
      db.prisma.session.create({ data: { forumId: forum.id, key, title: text(key), abstract: text(""), language: "ko", startsAt: new Date(start), endsAt: new Date(end) } });
    opening = await session("opening", "2030-01-01T00:00:00Z", "2030-01-01T01:00:00Z");
    later = await session("later", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z");
    await lib.publish.publishAgenda(event.id, null, { client: db.prisma });
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });

  it("saves only published sessions, and saving or forgetting twice changes nothing", async () => {
    const [u] = await makeUsers(db.prisma, "bookmarker", 1);
    await expect(lib.mutations.setBookmark(null, { sessionId: opening.id, on: true })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(lib.mutations.setBookmark({ userId: u.id }, { sessionId: "nope", on: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await lib.mutations.setBookmark({ userId: u.id }, { sessionId: opening.id, on: true });
    await lib.mutations.setBookmark({ userId: u.id }, { sessionId: opening.id, on: true });
    expect(await db.prisma.bookmark.count({ where: { userId: u.id } })).toBe(1);
    await lib.mutations.setBookmark({ userId: u.id }, { sessionId: opening.id, on: false });
    await lib.mutations.setBookmark({ userId: u.id }, { sessionId: opening.id, on: false });
    expect(await db.prisma.bookmark.count({ where: { userId: u.id } })).toBe(0);
  });

  it("puts a saved session of a forum the person did not choose into their calendar feed", async () => {
    const [u] = await makeUsers(db.prisma, "feed", 1);
    // Registered for no forum at all: only the saved session is theirs.
    const reg = await enrol(db.prisma, event.id, u.id, "delegate");
    const uids = async () => {
      const { ics } = await lib.me.getPersonalCalendar(reg.calendarToken, "https://plenary.example");
      return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    };
    expect(await uids()).toEqual([]);
    await lib.mutations.setBookmark({ userId: u.id }, { sessionId: later.id, on: true });
    expect(await uids()).toEqual([`${later.id}@plenary`]);
  });

  it("mails each reminder once although three instances sweep at once, in each person's language and zone, and never to those who opted out or left", async () => {
    const [zhLa, off, speaker, cancelled, guest] = await makeUsers(db.prisma, "remind", 5);
    const register = (userId: string, language: "ko" | "zh" | "en", zone: string, status: "approved" | "cancelled" = "approved") =>
      db.prisma.registration.create({ data: { eventId: event.id, userId, role: "delegate", status, country: "KR", preferredLanguage: language, timeZone: zone } });
    await register(zhLa.id, "zh", "America/Los_Angeles");
    await register(off.id, "en", "Asia/Seoul");
    await db.prisma.user.update({ where: { id: off.id }, data: { reminderMinutes: 0 } });
    await register(speaker.id, "ko", "Asia/Seoul");
    await db.prisma.sessionSpeaker.create({ data: { sessionId: opening.id, userId: speaker.id, name: "발표자", position: 1 } });
    await register(cancelled.id, "en", "Asia/Seoul", "cancelled");
    // No registration at all: their own language and zone.
    await db.prisma.user.update({ where: { id: guest.id }, data: { locale: "en", timeZone: "Europe/Berlin" } });
    for (const u of [zhLa, off, cancelled, guest]) await db.prisma.bookmark.create({ data: { userId: u.id, sessionId: opening.id } });

    // 20 minutes before: nobody's default 15-minute lead has come.
    expect(await lib.sweep.sweepReminders(new Date("2029-12-31T23:40:00Z"))).toEqual({ sent: 0 });
    const before = smtp.messages.length;
    const now = new Date("2029-12-31T23:50:00Z");
    const results = await Promise.all([lib.sweep.sweepReminders(now), lib.sweep.sweepReminders(now), lib.sweep.sweepReminders(now)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect(await lib.sweep.sweepReminders(new Date("2029-12-31T23:55:00Z"))).toEqual({ sent: 0 });
    const mails = smtp.messages.slice(before);
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual([zhLa.email, speaker.email, guest.email].sort());
    const to = (email: string) => mails.find((m) => m.envelopeTo.includes(email))!.mail;
    expect(to(zhLa.email).subject).toBe("10分钟后开始：opening (zh)");
    // 09:00 in Seoul is 16:00 the day before in Los Angeles.
    expect(to(zhLa.email).text).toContain("2029年12月31日星期一 16:00–17:00 (洛杉矶 (UTC-8))");
    expect(to(speaker.email).text).toContain("발표자로 등록되어");
    expect(to(guest.email).text).toContain("Tuesday, 1 January 2030 01:00–02:00 (Berlin (UTC+1))");
    expect(await db.prisma.sessionReminder.count({ where: { sessionId: opening.id, sentAt: { not: null } } })).toBe(3);
  });

  it("exports the desk's filtered registrations in the console's language with times in the chosen zone", async () => {
    const organizer = (await makeUsers(db.prisma, "export-organizer", 1))[0];
    await enrol(db.prisma, event.id, organizer.id, "organizer");
    const q = lib.desk.deskQuerySchema.parse({ status: "cancelled" });
    const { csv, filename } = await lib.exporter.exportRegistrationsCsv({ userId: organizer.id }, event.slug, q, { lang: "zh", tz: "America/Los_Angeles" }, new Date("2029-12-31T00:00:00Z"));
    expect(filename).toMatch(/-registrations-zh-America-Los_Angeles\.csv$/);
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(header.slice(0, 3)).toEqual(["姓名", "拉丁字母姓名", "电子邮箱"]);
    expect(header).toContain("注册时间（洛杉矶 UTC-8）");
    // Only the one cancelled registration passes the desk's filter; its words are Chinese.
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(row["状态"]).toBe("已取消");
    expect(row["参会身份"]).toBe("代表");
    expect(row["国家"]).toBe("韩国");
    expect(row["同意录像"]).toBe("否");
    expect(row["注册时间（洛杉矶 UTC-8）"]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });
});
