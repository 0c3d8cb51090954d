// Reads the mail the app under test wrote to MAIL_DIR (it runs without SMTP in browser tests).
import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/** The newest mail to `to` whose subject matches; with `since` (epoch ms), only one written from then on
 * (a sign-in link asked for again must not be answered by the previous, already used, one). */
export async function waitForMail(to: string, subject: RegExp, ms = 10_000, since = 0): Promise<ParsedMail> {
  const dir = process.env.MAIL_DIR!;
  const end = Date.now() + ms;
  for (;;) {
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".eml"))
          .sort()
          .reverse()
      : [];
    for (const f of files) {
      if (since && fs.statSync(path.join(dir, f)).mtimeMs < since) continue;
      const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const recipients = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : [];
      if (recipients.includes(to) && subject.test(mail.subject ?? "")) return mail;
    }
    if (Date.now() > end) throw new Error(`no mail to ${to} matching ${subject} in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function linkIn(mail: ParsedMail, part: string): string {
  const url = (mail.text ?? "").match(/https?:\/\/\S+/g)?.find((u) => u.includes(part));
  if (!url) throw new Error(`no link containing ${part}`);
  return url;
}
