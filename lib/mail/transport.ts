// Sends outgoing mail over SMTP, or without SMTP_URL writes it to MAIL_DIR so every flow works locally.
import "server-only";
import crypto from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files sent with it, e.g. a meeting's calendar entry (text/calendar). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface SentMail {
  messageId: string;
  /** Where the message was written when no SMTP server is configured. */
  file?: string;
}

// One transporter per URL: it parses the URL once, and a changed URL (tests) gets its own.
const smtpTransporters = new Map<string, Transporter>();
let fileTransporter: ReturnType<typeof createFileTransporter> | undefined;

function smtpTransporter(url: string): Transporter {
  let transporter = smtpTransporters.get(url);
  if (!transporter) {
    transporter = nodemailer.createTransport(url);
    smtpTransporters.set(url, transporter);
  }
  return transporter;
}

// A burst of mails (a registration burst's receipts, decided together) opens at most this many
// SMTP connections from one instance; the rest wait their turn. Hundreds of handshakes at once
// were answered late or not at all (greeting timeouts), and a mail server may refuse them.
const SMTP_CONNECTIONS = 8;
let smtpBusy = 0;
const smtpWaiting: (() => void)[] = [];

async function smtpSlot<T>(send: () => Promise<T>): Promise<T> {
  if (smtpBusy >= SMTP_CONNECTIONS) await new Promise<void>((resolve) => smtpWaiting.push(resolve));
  else smtpBusy++;
  try {
    return await send();
  } finally {
    // The slot passes straight to the next waiting mail, if any.
    const next = smtpWaiting.shift();
    if (next) next();
    else smtpBusy--;
  }
}

function createFileTransporter() {
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
}

/** A file name that sorts by time and cannot escape MAIL_DIR, whatever the address holds. */
function mailFileName(to: string): string {
  const stamp = new Date().toISOString().replace(/:/g, "-");
  const recipient = to.replace(/[^A-Za-z0-9@._-]/g, "_").slice(0, 80);
  return `${stamp}-${crypto.randomBytes(4).toString("hex")}-${recipient}.eml`;
}

export async function sendMail(msg: OutgoingMail): Promise<SentMail> {
  const env = getEnv();
  // Fields are picked one by one so nothing a caller spreads in can change the sender.
  const attachments = msg.attachments?.map(({ filename, content, contentType }) => ({ filename, content, contentType }));
  const message = { from: env.MAIL_FROM, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html, ...(attachments?.length ? { attachments } : {}) };
  if (env.SMTP_URL) {
    const url = env.SMTP_URL;
    const info = await smtpSlot(() => smtpTransporter(url).sendMail(message));
    return { messageId: info.messageId };
  }

  fileTransporter ??= createFileTransporter();
  const info = await fileTransporter.sendMail(message);
  const dir = path.resolve(env.MAIL_DIR);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, mailFileName(msg.to));
  await writeFile(file, info.message as Buffer);
  console.info(`[mail] to=${msg.to} subject=${msg.subject} file=${file}`);
  return { messageId: info.messageId, file };
}

/** Sends without making the caller wait: for answers that must take as long whether or not a mail
 * goes out (a sign-in link, a reset for an address that may have no account). A failure is logged. */
export function sendMailInBackground(msg: OutgoingMail): void {
  sendMail(msg).catch((err) => console.error(`[mail] could not send to ${msg.to}:`, err));
}
