import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sessionReminderMail } from "@/lib/mail/reminder";
import { meetingMail } from "@/lib/meetings/mail";
import * as accountMails from "@/lib/mail/account-templates";
import * as mails from "@/lib/mail/templates";
import { messageFeatures } from "./catalogue";
import type { Locale } from "./routing";
import { TERMS } from "./terminology";

type Tree = { [key: string]: string | Tree };
const dir = path.join(import.meta.dirname, "../../messages");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
function flat(tree: Tree, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out[`${prefix}${k}`] = v;
    else flat(v, `${prefix}${k}.`, out);
  }
  return out;
}
const catalogue = (l: Locale) => flat(Object.assign({}, read(`${l}.json`), ...messageFeatures.map((f) => read(`${f}/${l}.json`))));
const [en, ko, zh] = (["en", "ko", "zh"] as const).map(catalogue);

/** Every mail a person can get, rendered in `locale`. */
function allMails(locale: Locale): string[] {
  const args = { locale, eventTitle: "E", name: "N", url: "https://x.example" };
  return [
    accountMails.magicLinkMail({ url: args.url, locale, minutes: 15 }),
    ...[true, false].map((newAccount) => accountMails.registrationConfirmMail({ ...args, hours: 24, newAccount })),
    accountMails.accountExistsMail(args),
    accountMails.signInNoticeMail({ locale, signInUrl: args.url, resetUrl: args.url }),
    mails.passwordResetMail({ url: args.url, locale, expiresMinutes: 60 }),
    mails.invitationMail({ ...args, expiresAt: new Date(0), timeZone: "Asia/Seoul" }),
    ...(["approved", "pending", "waitlisted"] as const).map((status) => mails.registrationReceivedMail({ ...args, status })),
    ...(["approved", "declined", "waitlisted"] as const).map((status) => mails.registrationDecisionMail({ ...args, status })),
    mails.promotedFromWaitlistMail(args),
    ...(["bookmark", "speaker"] as const).map((reason) =>
      sessionReminderMail({ ...args, sessionTitle: "S", forumTitle: "F", startsAt: new Date(600_000), endsAt: new Date(1_200_000), timeZone: "UTC", now: new Date(0), reason, settingsUrl: args.url }),
    ),
    ...(["requested", "accepted", "declined", "cancelled"] as const).map((kind) =>
      meetingMail({ ...args, kind, other: "O", startsAt: new Date(600_000), endsAt: new Date(1_200_000), timeZone: "UTC", zones: [{ zone: "Asia/Seoul", abbr: "KST", label: "Seoul" }], note: "T" }),
    ),
  ].map((m) => `${m.subject}\n${m.text}`);
}

// Messages that name a word as data or as another concept: the CSV file's column "forums", and the
// loudspeakers of a computer (스피커, 扬声器), not the people who speak.
const LITERAL: Record<string, string> = { "errors.csvColumns": "forum", "room.preJoin.testSpeakers": "speaker", "room.settings.speaker": "speaker" };

describe.each(TERMS)("the word for “$concept”", (term) => {
  it("is the chosen one wherever the English message speaks of it", () => {
    // Placeholders ({session}) are not words of the message.
    const keys = Object.keys(en).filter((k) => LITERAL[k] !== term.concept && term.en.test(en[k].replace(/\{\w+\}/g, "")));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !ko[k].includes(term.ko)).map((k) => `${k}: ${ko[k]}`)).toEqual([]);
    expect(keys.filter((k) => !zh[k].includes(term.zh)).map((k) => `${k}: ${zh[k]}`)).toEqual([]);
  });

  it("has no rival in any Korean or Chinese message or mail", () => {
    for (const [locale, messages] of [
      ["ko", ko],
      ["zh", zh],
    ] as const) {
      const texts = [...Object.entries(messages), ...allMails(locale).map((m, i) => [`mail ${i}`, m] as const)];
      const rivals = texts.filter(([, text]) => term.avoid[locale].some((re) => re.test(text)));
      expect(
        rivals.map(([k, v]) => `${k}: ${v}`),
        locale,
      ).toEqual([]);
    }
  });
});
