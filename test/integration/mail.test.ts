// Outgoing mail through a real SMTP server in-process, and into .eml files when none is configured.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { invitationMail } from "@/lib/mail/templates";
import { startSmtp } from "../smtp";

const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_DIR: process.env.MAIL_DIR, DATABASE_URL: process.env.DATABASE_URL };
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailDir: string;

function restore(name: keyof typeof saved) {
  if (saved[name] === undefined) delete process.env[name];
  else process.env[name] = saved[name];
}

const invitation = invitationMail({
  url: "https://plenary.example/ko/invitations/tok123?event=clean-sky-2021",
  locale: "ko",
  eventTitle: "청정대기 국제포럼 2021",
  name: "김민지",
  expiresAt: new Date("2021-11-19T09:00:00Z"),
  timeZone: "Asia/Seoul",
});

describe("sending mail", () => {
  beforeAll(async () => {
    smtp = await startSmtp();
    mailDir = await mkdtemp(path.join(os.tmpdir(), "plenary-mail-"));
    // getEnv insists on a database URL; nothing here connects to it.
    process.env.DATABASE_URL = "postgresql://x@127.0.0.1:1/x";
  });

  afterAll(async () => {
    await smtp.close();
    await rm(mailDir, { recursive: true, force: true });
    (["SMTP_URL", "MAIL_DIR", "DATABASE_URL"] as const).forEach(restore);
    vi.resetModules();
  });

  it("delivers a Korean invitation over SMTP to the recipient, with the Korean subject and the link", async () => {
    process.env.SMTP_URL = smtp.url;
    vi.resetModules();
    const { sendMail } = await import("@/lib/mail/transport");

    const sent = await sendMail({ to: "minji@example.kr", ...invitation });

    expect(sent.file).toBeUndefined();
    expect(smtp.messages).toHaveLength(1);
    const [{ envelopeTo, mail }] = smtp.messages;
    expect(envelopeTo).toEqual(["minji@example.kr"]);
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.subject).toBe("청정대기 국제포럼 2021에 초대되었습니다");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(["minji@example.kr"]);
    expect(mail.from?.value[0]?.address).toBe("no-reply@plenary.local");
    const link = mail.text?.match(/https:\/\/\S+/)?.[0];
    expect(link).toBe("https://plenary.example/ko/invitations/tok123?event=clean-sky-2021");
    expect(mail.text).toContain("18:00 한국 표준시");
    expect(mail.html || "").toContain('href="https://plenary.example/ko/invitations/tok123?event=clean-sky-2021"');
  });

  it("without SMTP_URL writes the message to an .eml file in MAIL_DIR and sends nothing", async () => {
    delete process.env.SMTP_URL;
    process.env.MAIL_DIR = path.join(mailDir, "nested");
    vi.resetModules();
    const { sendMail } = await import("@/lib/mail/transport");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const before = smtp.messages.length;

    const sent = await sendMail({ to: "Minji <minji@example.kr>", ...invitation });

    expect(smtp.messages).toHaveLength(before);
    expect(sent.file).toBeDefined();
    const file = sent.file as string;
    expect(path.dirname(file)).toBe(path.resolve(mailDir, "nested"));
    expect(path.basename(file)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]+-Minji__minji@example\.kr_\.eml$/);
    expect(await readdir(path.dirname(file))).toEqual([path.basename(file)]);

    const mail = await simpleParser(await readFile(file));
    expect(mail.subject).toBe(invitation.subject);
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.text).toContain("https://plenary.example/ko/invitations/tok123?event=clean-sky-2021");

    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0][0]).toBe(`[mail] to=Minji <minji@example.kr> subject=${invitation.subject} file=${file}`);
    info.mockRestore();
  });
});
