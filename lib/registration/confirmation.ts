// Confirming a registration's address. A registration from someone whose address is not known to
// be theirs (a new account, or an account whose address was never confirmed) is kept aside with a
// single-use link mailed to that address; it takes a seat only when the link is opened — with the
// password chosen, for a new account (so a stranger cannot pre-register someone else's address
// and keep the account), signed in, for an existing one. An address that already has an account
// gets a note to sign in instead; the page answers the same either way.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { checkPasswordEvenly } from "@/lib/auth/password";
import { mailTurn } from "@/lib/auth/mail-guard";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { Locale } from "@/lib/i18n/routing";
import { accountExistsMail, registrationConfirmMail } from "@/lib/mail/account-templates";
import { sendMail } from "@/lib/mail/transport";
import type { BackoffPolicy } from "@/lib/rate-limit/backoff";
import { takeTurn } from "@/lib/rate-limit/turns";
import { hashToken, newToken } from "@/lib/security/tokens";
import { notifyReceived } from "./notify";
import { assertOpen } from "./open";
import { registrationSchema, type RegistrationInput } from "./schema";
import { seatFor } from "./seat-for";
import { TX_OPTIONS } from "./seats";

export const CONFIRM_HOURS = 24;

/** Wrong passwords on one confirmation link: a few, then a doubling wait. */
const CONFIRM_ATTEMPTS: BackoffPolicy = { free: 5, baseSeconds: 30, maxSeconds: 15 * 60, quietSeconds: 24 * 3600 };

interface ConfirmationRequest {
  event: { id: string; slug: string; title: unknown };
  email: string;
  /** The signed-in account whose address is to be confirmed; null: a new account. */
  userId: string | null;
  passwordHash: string | null;
  input: RegistrationInput;
  locale: Locale;
  address?: string;
  now: Date;
}

async function deliver(to: string, mail: { subject: string; text: string; html: string }) {
  try {
    await sendMail({ to, ...mail });
  } catch (err) {
    console.error(`[mail] could not send to ${to}:`, err);
  }
}

/** Keeps the registration aside and mails its link (or, to an address with an account, a note to sign in). */
export async function requestConfirmation(r: ConfirmationRequest) {
  const email = r.email.trim().toLowerCase();
  const base = getEnv().PUBLIC_BASE_URL;
  const title = pickText(toLocalized(r.event.title), r.locale);
  const [allowed, existing] = await Promise.all([
    mailTurn("register", r.address ?? "unknown", email, CONFIRM_HOURS * 60, r.now),
    r.userId ? null : db.user.findUnique({ where: { email }, select: { id: true } }),
  ]);
  if (!allowed) return;
  if (existing) {
    const back = encodeURIComponent(`/${r.locale}/events/${r.event.slug}/register`);
    await deliver(email, accountExistsMail({ url: `${base}/${r.locale}/sign-in?callbackUrl=${back}`, locale: r.locale, eventTitle: title }));
    return;
  }
  // Links long expired are only clutter; trim them now and then instead of running a job.
  if (Math.random() < 0.01) await db.registrationRequest.deleteMany({ where: { expiresAt: { lt: new Date(r.now.getTime() - 7 * 86_400_000) } } });
  const { token, hash } = newToken();
  await db.registrationRequest.create({
    data: {
      eventId: r.event.id,
      email,
      userId: r.userId,
      passwordHash: r.passwordHash,
      input: r.input as unknown as Prisma.InputJsonValue,
      locale: r.locale,
      tokenHash: hash,
      expiresAt: new Date(r.now.getTime() + CONFIRM_HOURS * 3600_000),
    },
  });
  const url = `${base}/${r.locale}/events/${r.event.slug}/register/confirm/${token}`;
  await deliver(email, registrationConfirmMail({ url, locale: r.locale, name: r.input.name, eventTitle: title, hours: CONFIRM_HOURS, newAccount: !r.userId }));
}

async function usableRequest(token: string, now: Date) {
  const row = await db.registrationRequest.findUnique({ where: { tokenHash: hashToken(token) }, include: { event: true } });
  if (!row || row.confirmedAt || row.expiresAt <= now || !row.event.publishedAt) return null;
  return row;
}

/** What the confirmation page shows for `token`, or null (unknown, used or expired). */
export async function getConfirmation(token: string, now = new Date()) {
  const row = await usableRequest(token, now);
  if (!row) return null;
  return { email: row.email, userId: row.userId, needsPassword: !row.userId, event: { slug: row.event.slug, title: toLocalized(row.event.title) } };
}

export interface ConfirmInput {
  actor: Actor | null;
  password?: string;
  now?: Date;
}

/** Confirms the address and registers: the seat is decided now, as for any arrival. */
export async function confirmRegistration(token: string, { actor, password, now = new Date() }: ConfirmInput) {
  const row = await usableRequest(token, now);
  if (!row) throw new AppError("BAD_REQUEST", "confirmationInvalid");
  if (row.userId) {
    if (actor?.userId !== row.userId) throw new AppError("UNAUTHENTICATED", "signInToConfirm");
  } else {
    if (!(await takeTurn(`confirm:${row.id}`, CONFIRM_ATTEMPTS, now)).allowed) throw new AppError("FORBIDDEN", "tooManyAttempts");
    if (!(await checkPasswordEvenly(password ?? "", row.passwordHash))) throw new AppError("FORBIDDEN", "passwordWrong");
  }
  // The registration is judged as it arrives now: the window and policy may have changed since.
  const input = registrationSchema.parse(row.input);
  assertOpen(row.event, false, now, input.role);
  const seat = await seatFor(row.event, input, null);
  try {
    const [userId, decision] = await db.$transaction(async (tx) => {
      const claimed = await tx.registrationRequest.updateMany({ where: { id: row.id, confirmedAt: null }, data: { confirmedAt: now } });
      if (claimed.count !== 1) throw new AppError("BAD_REQUEST", "confirmationInvalid");
      let userId = row.userId;
      if (userId) {
        await tx.user.update({ where: { id: userId }, data: { emailVerified: now } });
      } else {
        const user = await tx.user.create({
          data: { email: row.email, name: input.name, nameLatin: input.nameLatin, passwordHash: row.passwordHash, emailVerified: now, locale: input.preferredLanguage, timeZone: input.timeZone },
        });
        userId = user.id;
      }
      return [userId, await seat.take(tx, userId, "registration.created", now)] as const;
    }, TX_OPTIONS);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    await notifyReceived({ ...user, locale: input.preferredLanguage }, toLocalized(row.event.title), decision.status);
    return { ...decision, userId, email: row.email, newAccount: !row.userId };
  } catch (err) {
    // Another confirmation made the account first (two registrations of one address).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "accountExists");
    throw err;
  }
}
