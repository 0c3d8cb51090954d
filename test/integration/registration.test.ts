import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers, registrationInput } from "./fixtures";
import { startSmtp, linkIn } from "../smtp";

type Lib = {
  mutations: typeof import("../../lib/registration/mutations");
  organizer: typeof import("../../lib/registration/organizer");
  invitations: typeof import("../../lib/registration/invitations");
  reset: typeof import("../../lib/account/reset");
  limit: typeof import("../../lib/rate-limit/limit");
};

describe("registration on real PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let lib: Lib;

  beforeAll(async () => {
    db = await migratedDatabase("registration");
    smtp = await startSmtp();
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, SMTP_URL: smtp.url, MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), "plenary-mail-")) });
    lib = {
      mutations: await import("../../lib/registration/mutations"),
      organizer: await import("../../lib/registration/organizer"),
      invitations: await import("../../lib/registration/invitations"),
      reset: await import("../../lib/account/reset"),
      limit: await import("../../lib/rate-limit/limit"),
    };
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });

  it("approves exactly the last 109 places out of 500 concurrent registrations and waitlists the rest in arrival order", async () => {
    const event = await makeEvent(db.prisma, { capacity: 109, policy: "open" });
    const users = await makeUsers(db.prisma, "burst", 500);
    const results = await Promise.allSettled(users.map((u) => lib.mutations.register({ slug: event.slug, actor: { userId: u.id }, input: registrationInput })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const regs = await db.prisma.registration.findMany({ where: { eventId: event.id }, orderBy: { arrival: "asc" } });
    expect(regs).toHaveLength(500);
    expect(regs.filter((r) => r.status === "approved")).toHaveLength(109);
    expect(regs.filter((r) => r.status === "waitlisted")).toHaveLength(391);
    // Arrival order decides: the first 109 arrivals hold the places.
    expect(regs.slice(0, 109).every((r) => r.status === "approved")).toBe(true);
    expect(regs.slice(109).every((r) => r.status === "waitlisted")).toBe(true);
  });

  it("decides on arrival: open approves while seats last, approval holds for the desk, a full event waitlists; a cancelled person comes back at the end", async () => {
    const open = await makeEvent(db.prisma, { capacity: 1, policy: "open" });
    const approval = await makeEvent(db.prisma, { capacity: 1, policy: "approval" });
    const [a, b] = await makeUsers(db.prisma, "arrival", 2);
    const reg = (slug: string, userId: string) => lib.mutations.register({ slug, actor: { userId }, input: registrationInput });
    expect((await reg(open.slug, a.id)).status).toBe("approved");
    expect((await reg(open.slug, b.id)).status).toBe("waitlisted");
    await expect(reg(open.slug, a.id)).rejects.toMatchObject({ code: "CONFLICT", message: "alreadyRegistered" });
    expect((await reg(approval.slug, a.id)).status).toBe("pending");
    await lib.mutations.cancelRegistration({ userId: a.id }, open.slug);
    // b took the freed seat; a comes back as a new arrival behind everyone.
    const back = await reg(open.slug, a.id);
    expect(back.status).toBe("waitlisted");
    const rows = await db.prisma.registration.findMany({ where: { eventId: open.id }, orderBy: { arrival: "asc" }, include: { forums: true } });
    expect(rows.map((r) => [r.userId, r.status])).toEqual([
      [b.id, "approved"],
      [a.id, "waitlisted"],
    ]);
    expect(rows.every((r) => r.forums.length === 1 && r.decidedAt)).toBe(true);
    const audit = await db.prisma.auditLog.findMany({ where: { eventId: open.id, action: "registration.created" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.actorId, (e.data as { status: string }).status])).toEqual([
      [a.id, "approved"],
      [b.id, "waitlisted"],
      [a.id, "waitlisted"],
    ]);
  });

  it("lets two organizers approve at once without ever exceeding the capacity", async () => {
    const event = await makeEvent(db.prisma, { capacity: 50, policy: "approval" });
    const [a, b] = await makeUsers(db.prisma, "org-race", 2);
    await enrol(db.prisma, event.id, a.id, "organizer");
    await enrol(db.prisma, event.id, b.id, "organizer");
    const people = await makeUsers(db.prisma, "pending", 120);
    const regs = await Promise.all(people.map((p) => enrol(db.prisma, event.id, p.id, "delegate", "pending")));
    const ids = regs.map((r) => r.id);
    const [ra, rb] = await Promise.all([
      lib.organizer.decideRegistrations({ userId: a.id }, event.slug, { ids: ids.slice(0, 80), decision: "approved" }),
      lib.organizer.decideRegistrations({ userId: b.id }, event.slug, { ids: ids.slice(40), decision: "approved" }),
    ]);
    const approved = await db.prisma.registration.count({ where: { eventId: event.id, status: "approved", role: { not: "organizer" } } });
    expect(approved).toBe(50);
    expect(ra.changed.length + rb.changed.length).toBe(50);
    const audit = await db.prisma.auditLog.count({ where: { eventId: event.id, action: "registration.approved" } });
    expect(audit).toBe(50);
  });

  it("promotes the first person on the waitlist when someone cancels, and tells them by mail", async () => {
    const event = await makeEvent(db.prisma, { capacity: 2, policy: "open" });
    const users = await makeUsers(db.prisma, "promote", 4);
    for (const u of users) await lib.mutations.register({ slug: event.slug, actor: { userId: u.id }, input: { ...registrationInput, preferredLanguage: "zh" } });
    const status = async () => (await db.prisma.registration.findMany({ where: { eventId: event.id }, orderBy: { arrival: "asc" } })).map((r) => r.status);
    expect(await status()).toEqual(["approved", "approved", "waitlisted", "waitlisted"]);
    await lib.mutations.cancelRegistration({ userId: users[0].id }, event.slug);
    expect(await status()).toEqual(["cancelled", "approved", "approved", "waitlisted"]);
    const mail = await smtp.waitFor(users[2].email, /./, 10_000).then(() =>
      smtp.messages
        .filter((m) => m.envelopeTo.includes(users[2].email))
        .map((m) => m.mail)
        .at(-1)!,
    );
    expect(mail.text).toMatch(/候补|批准|名额/);
    expect(linkIn(mail, "/zh/me")).toContain("/zh/me");
  });

  it("demotes an organizer so that the very next action is refused", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "approval" });
    const [boss, deputy] = await makeUsers(db.prisma, "demote", 2);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    const deputyReg = await enrol(db.prisma, event.id, deputy.id, "organizer");
    await lib.organizer.changeRoles({ userId: boss.id }, event.slug, { ids: [deputyReg.id], role: "delegate" });
    await expect(lib.organizer.decideRegistrations({ userId: deputy.id }, event.slug, { ids: [deputyReg.id], decision: "approved" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      lib.organizer.changeRoles({ userId: boss.id }, event.slug, { ids: [(await db.prisma.registration.findFirstOrThrow({ where: { userId: boss.id } })).id], role: "delegate" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "lastOrganizer" });
  });

  it("imports nothing from an invitation CSV with a bad row, and reports each bad row", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "invitation" });
    const [org] = await makeUsers(db.prisma, "inviter", 1);
    await enrol(db.prisma, event.id, org.id, "organizer");
    const csv = "name,email,organisation,role,forums\n한서윤,seoyun@test.example,nier,speaker,main\nBad Row,not-an-email,,delegate,main\n林晓雯,xiaowen@test.example,CRAES,delegate,nowhere\n";
    const report = await lib.invitations.importInvitations({ userId: org.id }, event.slug, csv);
    expect(report.imported).toBe(0);
    expect(report.rows.filter((r) => r.problems.length)).toEqual([
      { line: 3, email: "not-an-email", problems: ["email"] },
      { line: 4, email: "xiaowen@test.example", problems: ["forumUnknown"] },
    ]);
    expect(await db.prisma.invitation.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("sends invitations by mail whose link registers and approves the person, once", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "invitation" });
    const [org] = await makeUsers(db.prisma, "inviter2", 1);
    await enrol(db.prisma, event.id, org.id, "organizer");
    const csv = "name,email,organisation,role,forums\n김하늘,haneul@test.example,other lab,speaker,main\n";
    expect((await lib.invitations.importInvitations({ userId: org.id }, event.slug, csv)).imported).toBe(1);
    const mail = await smtp.waitFor("haneul@test.example", /초대/);
    const token = linkIn(mail, "/invitations/").split("/invitations/")[1];
    const first = await lib.mutations.register({
      slug: event.slug,
      actor: null,
      account: { email: "ignored@test.example", password: "a good long password" },
      input: registrationInput,
      invitationToken: token,
    });
    if (first.status === "confirmationSent") throw new Error("an invitation's registration counts at once");
    expect(first.status).toBe("approved");
    const reg = await db.prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId }, include: { user: true } });
    expect(reg.user.email).toBe("haneul@test.example");
    expect(reg.role).toBe("speaker");
    await expect(
      lib.mutations.register({ slug: event.slug, actor: null, account: { email: "x@test.example", password: "a good long password" }, input: registrationInput, invitationToken: token }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "invitationInvalid" });
    await expect(lib.mutations.register({ slug: event.slug, actor: null, account: { email: "y@test.example", password: "a good long password" }, input: registrationInput })).rejects.toMatchObject({
      message: "invitationOnly",
    });
  });

  it("resets a password through the mailed link exactly once", async () => {
    const [person] = await makeUsers(db.prisma, "forgetful", 1);
    await lib.reset.requestPasswordReset(person.email, "127.0.0.9", "en");
    await lib.reset.requestPasswordReset("nobody@test.example", "127.0.0.9", "en");
    const mail = await smtp.waitFor(person.email, /password/i);
    expect(smtp.messages.some((m) => m.envelopeTo.includes("nobody@test.example"))).toBe(false);
    const token = linkIn(mail, "/reset-password/").split("/reset-password/")[1];
    await lib.reset.resetPassword(token, "a brand new password");
    const { verifyPassword } = await import("../../lib/auth/password");
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword("a brand new password", user.passwordHash!)).toBe(true);
    await expect(lib.reset.resetPassword(token, "another new password")).rejects.toMatchObject({ message: "resetInvalid" });
  });

  it("holds a rate limit across concurrent attempts, as several app instances would make them", async () => {
    const limits = [{ key: `test:${Date.now()}`, max: 10, windowSeconds: 60 }];
    const results = await Promise.all(Array.from({ length: 40 }, () => lib.limit.hitLimits(limits)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds > 0 && r.retryAfterSeconds <= 60)).toBe(true);
  });
  it("refuses settings whose window closes before it opens, and changes nothing", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "approval" });
    const [org] = await makeUsers(db.prisma, "settings", 1);
    await enrol(db.prisma, event.id, org.id, "organizer");
    await expect(
      lib.organizer.updateRegistrationSettings({ userId: org.id }, event.slug, {
        capacity: 10,
        registrationPolicy: "open",
        registrationOpensAt: new Date("2030-01-02T00:00:00Z"),
        registrationClosesAt: new Date("2030-01-01T00:00:00Z"),
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "windowOrder" })] });
    const after = await db.prisma.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toMatchObject({ capacity: 5, registrationPolicy: "approval", registrationOpensAt: null });
    expect(await db.prisma.auditLog.count({ where: { eventId: event.id } })).toBe(0);
  });
});
