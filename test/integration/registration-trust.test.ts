// Registration that trusts only what it can check, on real PostgreSQL and a real SMTP server: a
// registration counts once its address is confirmed (by the mailed link, with the password chosen),
// the answer is the same whether the address has an account or not, a role beyond delegate or
// observer and any organisation wait for an organizer under every policy, a decline sticks, the
// event keeps an organizer, and invitations go out in their row's language.
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers, registrationInput } from "./fixtures";
import { linkIn, startSmtp } from "../smtp";

describe("registration that holds against abuse", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let lib: {
    mutations: typeof import("../../lib/registration/mutations");
    confirmation: typeof import("../../lib/registration/confirmation");
    organizer: typeof import("../../lib/registration/organizer");
    invitations: typeof import("../../lib/registration/invitations");
  };
  let ministry: string;

  beforeAll(async () => {
    db = await migratedDatabase("registration_trust");
    smtp = await startSmtp();
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, SMTP_URL: smtp.url, PUBLIC_BASE_URL: "http://127.0.0.1:3999", MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), "plenary-mail-")) });
    lib = {
      mutations: await import("../../lib/registration/mutations"),
      confirmation: await import("../../lib/registration/confirmation"),
      organizer: await import("../../lib/registration/organizer"),
      invitations: await import("../../lib/registration/invitations"),
    };
    const text = { ko: "환경부", zh: "环境部", en: "Ministry of Environment" };
    ministry = (await db.prisma.organization.create({ data: { key: "moe", name: text, country: "KR" } })).id;
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });

  const tokenOf = async (email: string) => linkIn(await smtp.waitFor(email, /confirm|확인|确认/i), "/register/confirm/").split("/register/confirm/")[1];

  it("counts a new account's registration only once the mailed link is opened with the password chosen", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "open" });
    const account = { email: "newcomer@test.example", password: "a long enough password" };
    const outcome = await lib.mutations.register({ slug: event.slug, actor: null, account, input: registrationInput, locale: "en" });
    expect(outcome).toEqual({ status: "confirmationSent" });
    // Nothing counts yet: no account, no registration, no seat.
    expect(await db.prisma.user.count({ where: { email: account.email } })).toBe(0);
    expect(await db.prisma.registration.count({ where: { eventId: event.id } })).toBe(0);
    const token = await tokenOf(account.email);
    await expect(lib.confirmation.confirmRegistration(token, { actor: null, password: "somebody else's guess" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "passwordWrong" });
    const confirmed = await lib.confirmation.confirmRegistration(token, { actor: null, password: account.password });
    expect(confirmed).toMatchObject({ status: "approved", email: account.email, newAccount: true });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: account.email } });
    expect(user.emailVerified).toBeInstanceOf(Date);
    // The link works once.
    await expect(lib.confirmation.confirmRegistration(token, { actor: null, password: account.password })).rejects.toMatchObject({ message: "confirmationInvalid" });
  });

  it("answers an address that already has an account exactly as a new one, and mails its owner a note to sign in instead", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "open" });
    const [existing] = await makeUsers(db.prisma, "has-account", 1);
    const fresh = { email: "fresh-address@test.example", password: "a long enough password" };
    const answers = [
      await lib.mutations.register({ slug: event.slug, actor: null, account: { email: existing.email, password: "a long enough password" }, input: registrationInput, locale: "en" }),
      await lib.mutations.register({ slug: event.slug, actor: null, account: fresh, input: registrationInput, locale: "en" }),
    ];
    expect(answers[0]).toEqual(answers[1]);
    const note = await smtp.waitFor(existing.email, /Registering for/);
    expect(linkIn(note, "/sign-in")).toContain(encodeURIComponent(`/en/events/${event.slug}/register`));
    expect(await db.prisma.registrationRequest.count({ where: { email: existing.email } })).toBe(0);
    expect(await db.prisma.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("never makes two accounts of one address, however many registrations of it are confirmed at once", async () => {
    const event = await makeEvent(db.prisma, { capacity: 10, policy: "open" });
    const account = { email: "twin@test.example", password: "correct horse battery" };
    for (let i = 0; i < 3; i++) await lib.mutations.register({ slug: event.slug, actor: null, account, input: registrationInput, locale: "en" });
    const links = smtp.messages.filter((m) => m.envelopeTo.includes(account.email)).map((m) => linkIn(m.mail, "/register/confirm/").split("/register/confirm/")[1]);
    expect(links).toHaveLength(3);
    const results = await Promise.allSettled(links.map((token) => lib.confirmation.confirmRegistration(token, { actor: null, password: account.password })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.prisma.user.count({ where: { email: account.email } })).toBe(1);
    expect(await db.prisma.registration.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("asks a signed-in person whose address was never confirmed to confirm it, signed in as themselves", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "open" });
    const [person, stranger] = await makeUsers(db.prisma, "unconfirmed", 2, { verified: false });
    expect(await lib.mutations.register({ slug: event.slug, actor: { userId: person.id }, input: registrationInput, locale: "ko" })).toEqual({ status: "confirmationSent" });
    const token = await tokenOf(person.email);
    await expect(lib.confirmation.confirmRegistration(token, { actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(lib.confirmation.confirmRegistration(token, { actor: { userId: stranger.id } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await lib.confirmation.confirmRegistration(token, { actor: { userId: person.id } })).toMatchObject({ status: "approved", newAccount: false });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: person.id } })).emailVerified).toBeInstanceOf(Date);
  });

  it.each(["open", "approval"] as const)("keeps a self-declared speaker a delegate and a claimed organisation unconfirmed under the %s policy, until an organizer grants them", async (policy) => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy });
    const [stranger, boss] = await makeUsers(db.prisma, `claims-${policy}`, 2);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    const claimed = { ...registrationInput, role: "speaker" as const, organizationKey: "moe", organizationOther: "" };
    const outcome = await lib.mutations.register({ slug: event.slug, actor: { userId: stranger.id }, input: claimed });
    expect(outcome.status).toBe(policy === "open" ? "approved" : "pending");
    const reg = await db.prisma.registration.findFirstOrThrow({ where: { eventId: event.id, userId: stranger.id } });
    expect(reg).toMatchObject({ role: "delegate", requestedRole: "speaker", organizationId: null, requestedOrganizationId: ministry });
    await lib.organizer.decideRequests({ userId: boss.id }, event.slug, { ids: [reg.id], grant: true });
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).toMatchObject({ role: "speaker", requestedRole: null, organizationId: ministry, requestedOrganizationId: null });
  });

  it("turns a request down: the registration keeps what it was granted", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "open" });
    const [stranger, boss] = await makeUsers(db.prisma, "turned-down", 2);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    await lib.mutations.register({ slug: event.slug, actor: { userId: stranger.id }, input: { ...registrationInput, role: "interpreter" } });
    const reg = await db.prisma.registration.findFirstOrThrow({ where: { eventId: event.id, userId: stranger.id } });
    expect(reg).toMatchObject({ role: "delegate", requestedRole: "interpreter", organizationOther: null, requestedOrganizationOther: "Test Lab" });
    await lib.organizer.decideRequests({ userId: boss.id }, event.slug, { ids: [reg.id], grant: false });
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id: reg.id } })).toMatchObject({
      role: "delegate",
      requestedRole: null,
      organizationOther: null,
      requestedOrganizationOther: null,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: reg.id, action: "registration.request-refused" } });
    expect(audit.data).toMatchObject({ role: "interpreter" });
  });

  it.each(["open", "approval"] as const)("keeps a declined person declined under the %s policy when they cancel and register again", async (policy) => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy });
    const [person, boss] = await makeUsers(db.prisma, `declined-${policy}`, 2);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    const first = await lib.mutations.register({ slug: event.slug, actor: { userId: person.id }, input: registrationInput });
    if (first.status === "confirmationSent") throw new Error("a confirmed address registers at once");
    await lib.organizer.decideRegistrations({ userId: boss.id }, event.slug, { ids: [first.registrationId], decision: "declined" });
    await lib.mutations.cancelRegistration({ userId: person.id }, event.slug);
    await expect(lib.mutations.register({ slug: event.slug, actor: { userId: person.id }, input: registrationInput })).rejects.toMatchObject({ code: "FORBIDDEN", message: "registrationDeclined" });
    expect((await db.prisma.registration.findUniqueOrThrow({ where: { id: first.registrationId } })).status).toBe("declined");
  });

  it("keeps an approved organizer: a bulk decline or waitlist of every organizer, and the last one's cancelling, change nothing", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "approval" });
    const [a, b, delegate] = await makeUsers(db.prisma, "keep-organizer", 3);
    const regs = [await enrol(db.prisma, event.id, a.id, "organizer"), await enrol(db.prisma, event.id, b.id, "organizer"), await enrol(db.prisma, event.id, delegate.id, "delegate", "pending")];
    const ids = regs.map((r) => r.id);
    for (const decision of ["declined", "waitlisted"] as const) {
      await expect(lib.organizer.decideRegistrations({ userId: a.id }, event.slug, { ids, decision })).rejects.toMatchObject({ code: "CONFLICT", message: "lastOrganizer" });
    }
    expect((await db.prisma.registration.findMany({ where: { eventId: event.id }, orderBy: { arrival: "asc" } })).map((r) => r.status)).toEqual(["approved", "approved", "pending"]);
    // Declining one of two organizers is fine; then the other cannot leave.
    await lib.organizer.decideRegistrations({ userId: a.id }, event.slug, { ids: [regs[1].id], decision: "declined" });
    await expect(lib.mutations.cancelRegistration({ userId: a.id }, event.slug)).rejects.toMatchObject({ code: "CONFLICT", message: "lastOrganizer" });
  });

  it("sends each invitation in its row's language, else the event's first, with a link to the form in that language", async () => {
    const event = await makeEvent(db.prisma, { capacity: 5, policy: "invitation" });
    const [boss] = await makeUsers(db.prisma, "inviter-lang", 1);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    const csv = "name,email,organisation,role,forums,language\n林晓雯,xiaowen-lang@test.example,moe,delegate,main,zh\nKim,kim-lang@test.example,,delegate,main,\n";
    expect((await lib.invitations.importInvitations({ userId: boss.id }, event.slug, csv)).imported).toBe(2);
    const zh = await smtp.waitFor("xiaowen-lang@test.example", /诚邀/);
    expect(linkIn(zh, "/invitations/")).toContain("/zh/invitations/");
    // The event's languages are ko, zh, en: Korean without a language column value.
    const ko = await smtp.waitFor("kim-lang@test.example", /초대/);
    expect(linkIn(ko, "/invitations/")).toContain("/ko/invitations/");
    expect((await db.prisma.invitation.findMany({ where: { eventId: event.id }, orderBy: { email: "asc" } })).map((i) => i.language)).toEqual(["ko", "zh"]);
    const bad = await lib.invitations.importInvitations({ userId: boss.id }, event.slug, "name,email,organisation,role,forums,language\nX,x-lang@test.example,,delegate,main,fr\n");
    expect(bad.rows[0].problems).toEqual(["languageUnknown"]);
  });
});
