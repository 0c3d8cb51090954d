// A real SMTP server in-process (the `smtp-server` package) that keeps every message it receives,
// parsed, so tests can read mail and follow its links.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

export async function startSmtp() {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream).then(
        (mail) => {
          messages.push({ envelopeTo, mail });
          done();
        },
        (err: Error) => done(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The first message to `to` whose subject matches, waiting up to `ms` for it. */
    async waitFor(to: string, subject: RegExp, ms = 10_000): Promise<ParsedMail> {
      const end = Date.now() + ms;
      for (;;) {
        const hit = messages.find((m) => m.envelopeTo.includes(to) && subject.test(m.mail.subject ?? ""));
        if (hit) return hit.mail;
        if (Date.now() > end) throw new Error(`no mail to ${to} matching ${subject} (got ${messages.length})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that contains `part`. */
export function linkIn(mail: ParsedMail, part: string): string {
  const url = (mail.text ?? "").match(/https?:\/\/\S+/g)?.find((u) => u.includes(part));
  if (!url) throw new Error(`no link containing ${part} in: ${mail.text}`);
  return url;
}
