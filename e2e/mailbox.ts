// Reads the mail the app under test wrote to MAIL_DIR (it runs without SMTP in browser tests).
import fs from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

export async function waitForMail(to: string, subject: RegExp, ms = 10_000): Promise<ParsedMail> {
  const dir = process.env.MAIL_DIR!;
  const end = Date.now() + ms;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const f of files) {
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
