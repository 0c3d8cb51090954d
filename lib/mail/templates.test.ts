// The mail templates: every language complete, user input escaped, times shown in the recipient's zone.
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/routing";
import { escapeHtml, invitationMail, passwordResetMail, promotedFromWaitlistMail, registrationDecisionMail, registrationReceivedMail, type MailContent } from "./templates";
import { accountExistsMail, magicLinkMail, registrationConfirmMail, signInNoticeMail } from "./account-templates";
import { sessionReminderMail, type ReminderArgs } from "./reminder";

const locales: Locale[] = ["ko", "zh", "en"];
const url = "https://plenary.example/en/me?token=a&b=1";
const event = { eventTitle: "Clean Sky 2021", name: "Kim Minji", url };
const expiresAt = new Date("2021-11-19T09:00:00Z");

const templates: Record<string, (locale: Locale, over?: Partial<typeof event>) => MailContent> = {
  magicLink: (locale) => magicLinkMail({ url, locale, minutes: 15 }),
  signInNotice: (locale) => signInNoticeMail({ locale, signInUrl: url, resetUrl: "https://plenary.example/en/reset-password" }),
  accountExists: (locale, over) => accountExistsMail({ ...event, ...over, locale }),
  confirmNewAccount: (locale, over) => registrationConfirmMail({ ...event, ...over, locale, hours: 24, newAccount: true }),
  confirmSignedIn: (locale, over) => registrationConfirmMail({ ...event, ...over, locale, hours: 24, newAccount: false }),
  passwordReset: (locale) => passwordResetMail({ url, locale, expiresMinutes: 30 }),
  invitation: (locale, over) => invitationMail({ ...event, ...over, locale, expiresAt, timeZone: "Asia/Seoul" }),
  receivedApproved: (locale, over) => registrationReceivedMail({ ...event, ...over, locale, status: "approved" }),
  receivedPending: (locale, over) => registrationReceivedMail({ ...event, ...over, locale, status: "pending" }),
  receivedWaitlisted: (locale, over) => registrationReceivedMail({ ...event, ...over, locale, status: "waitlisted" }),
  decisionApproved: (locale, over) => registrationDecisionMail({ ...event, ...over, locale, status: "approved" }),
  decisionDeclined: (locale, over) => registrationDecisionMail({ ...event, ...over, locale, status: "declined" }),
  decisionWaitlisted: (locale, over) => registrationDecisionMail({ ...event, ...over, locale, status: "waitlisted" }),
  promoted: (locale, over) => promotedFromWaitlistMail({ ...event, ...over, locale }),
};
const personal = Object.keys(templates).filter((k) => !["magicLink", "passwordReset", "signInNotice", "accountExists"].includes(k));

const footers: Record<Locale, RegExp> = { ko: /Plenary — .*플랫폼/, zh: /Plenary — .*平台/, en: /Plenary — the virtual/ };
const script: Record<Locale, RegExp> = { ko: /[\uAC00-\uD7A3]/, zh: /[\u4E00-\u9FFF]/, en: /^[\x20-\x7E\n—]*$/ };

describe("mail templates", () => {
  describe.each(locales)("in %s", (locale) => {
    it.each(Object.keys(templates))("%s has a subject, text and HTML with the link and the footer", (key) => {
      const mail = templates[key](locale);
      expect(mail.subject.trim()).not.toBe("");
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(escapeHtml(url));
      expect(mail.text).toMatch(footers[locale]);
      expect(mail.html).toMatch(footers[locale]);
      expect(mail.html).toContain(`<html lang="${locale}">`);
    });

    it("writes every subject in the recipient's language", () => {
      for (const key of Object.keys(templates)) expect(templates[key](locale).subject).toMatch(script[locale]);
    });

    it.each(personal)("%s escapes a name and an event title in the HTML but not in the text", (key) => {
      const mail = templates[key](locale, { name: "<b>x</b>", eventTitle: `Sky & "Air" <script>` });
      expect(mail.html).not.toContain("<b>x</b>");
      expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).toContain("Sky &amp; &quot;Air&quot; &lt;script&gt;");
      expect(mail.text).toContain("<b>x</b>");
    });
  });

  it("keeps a title's line break out of the subject", () => {
    const mail = registrationReceivedMail({ ...event, eventTitle: "Clean\r\nBcc: x@evil.test", locale: "en", status: "pending" });
    expect(mail.subject).toBe("Registration received: Clean Bcc: x@evil.test");
  });

  it("shows the invitation's expiry in the given zone, named in words with its offset, whatever the server's zone", () => {
    expect(process.env.TZ).toBe("Asia/Kathmandu");
    const seoul = invitationMail({ ...event, locale: "en", expiresAt, timeZone: "Asia/Seoul" });
    expect(seoul.text).toContain("Friday, 19 November 2021 at 18:00 Korean Standard Time (UTC+9)");
    expect(seoul.text).not.toContain("Asia/Seoul");
    const ko = invitationMail({ ...event, locale: "ko", expiresAt, timeZone: "Asia/Seoul" });
    expect(ko.text).toContain("2021년 11월 19일 금요일 18:00 한국 표준시");
    const zh = invitationMail({ ...event, locale: "zh", expiresAt, timeZone: "Asia/Shanghai" });
    expect(zh.text).toContain("17:00");
    expect(zh.text).toContain("中国标准时间 17:00 (UTC+8)");
    const berlin = invitationMail({ ...event, locale: "en", expiresAt, timeZone: "Europe/Berlin" });
    expect(berlin.text).toContain("10:00 Central European Standard Time (UTC+1)");
    expect(berlin.text).not.toContain("14:45");
  });

  it("states the password link's lifetime", () => {
    expect(passwordResetMail({ url, locale: "en", expiresMinutes: 45 }).text).toContain("45 minutes");
    expect(passwordResetMail({ url, locale: "ko", expiresMinutes: 45 }).text).toContain("45분");
    expect(passwordResetMail({ url, locale: "zh", expiresMinutes: 45 }).text).toContain("45 分钟");
  });

  it("explains each registration status differently", () => {
    const bodies = (["approved", "pending", "waitlisted"] as const).map((status) => registrationReceivedMail({ ...event, locale: "ko", status }).text);
    expect(new Set(bodies).size).toBe(3);
    const decisions = (["approved", "declined", "waitlisted"] as const).map((status) => registrationDecisionMail({ ...event, locale: "zh", status }).subject);
    expect(new Set(decisions).size).toBe(3);
  });
});

describe("session reminder mail", () => {
  const reminder = (locale: Locale, over: Partial<ReminderArgs> = {}) =>
    sessionReminderMail({
      locale,
      name: "Kim Minji",
      sessionTitle: "Opening",
      forumTitle: "Forecast",
      eventTitle: "Clean Sky 2021",
      startsAt: new Date("2021-11-22T00:30:00Z"),
      endsAt: new Date("2021-11-22T00:45:00Z"),
      timeZone: "America/Los_Angeles",
      now: new Date("2021-11-22T00:15:00Z"),
      reason: "bookmark",
      url,
      settingsUrl: "https://plenary.example/en/me",
      ...over,
    });

  it("says how soon, in the recipient's language", () => {
    expect(reminder("en").subject).toBe("Starting in 15 minutes: Opening");
    expect(reminder("ko").subject).toBe("15분 후 시작: Opening");
    expect(reminder("zh").subject).toBe("15分钟后开始：Opening");
  });

  it("gives the time with its date in the recipient's zone, named in their language", () => {
    // 09:30 in Seoul is 16:30 the day before in Los Angeles.
    expect(reminder("en").text).toContain("Sunday, 21 November 2021 16:30–16:45 (Los Angeles (UTC-8))");
    expect(reminder("ko").text).toContain("2021년 11월 21일 일요일 16:30–16:45 (로스앤젤레스 (UTC-8))");
    expect(reminder("zh", { timeZone: "Asia/Kolkata" }).text).toContain("2021年11月22日星期一 06:00–06:15 (印度 (UTC+5:30))");
  });

  it("names the next day of an end after midnight", () => {
    const late = reminder("en", { timeZone: "America/New_York", startsAt: new Date("2021-11-23T04:30:00Z"), endsAt: new Date("2021-11-23T06:30:00Z"), now: new Date("2021-11-23T04:00:00Z") });
    expect(late.text).toContain("Monday, 22 November 2021 23:30–Tue 23 Nov 01:30");
  });

  it("says why it was sent and where reminders are changed, with the session's link", () => {
    const mail = reminder("en", { reason: "speaker" });
    expect(mail.text).toContain("you speak in this session");
    expect(mail.text).toContain("https://plenary.example/en/me");
    expect(mail.html).toContain(escapeHtml(url));
  });
});
