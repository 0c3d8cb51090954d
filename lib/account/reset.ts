// Forgotten passwords: a single-use link by mail, valid for an hour. The request always looks
// the same from outside, whether or not the address has an account. A new password ends every
// session of the account, and confirms its address (the link came through it).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { passwordResetMail } from "@/lib/mail/templates";
import { sendMailInBackground } from "@/lib/mail/transport";
import { hashToken, newToken } from "@/lib/security/tokens";
import { mailTurn } from "../auth/mail-guard";
import { hashPassword } from "../auth/password";
import { endSessions } from "../auth/session-version";

export const RESET_MINUTES = 60;

export async function requestPasswordReset(email: string, ip: string, locale: Locale, now = new Date()) {
  const address = email.trim().toLowerCase();
  const [allowed, user] = await Promise.all([mailTurn("reset", ip, address, RESET_MINUTES, now), db.user.findUnique({ where: { email: address }, select: { id: true, locale: true } })]);
  if (!allowed || !user) return;
  const { token, hash } = newToken();
  await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) } });
  const url = `${getEnv().PUBLIC_BASE_URL}/${locale}/reset-password/${token}`;
  // Not waited for: the answer takes as long whether the address has an account or not.
  sendMailInBackground({ to: address, ...passwordResetMail({ url, locale, expiresMinutes: RESET_MINUTES }) });
}

export async function isResetTokenUsable(token: string, now = new Date()) {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return !!row && !row.usedAt && row.expiresAt > now;
}

export async function resetPassword(token: string, password: string, now = new Date()) {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // Claiming the token with a conditional update makes a second use of the link fail.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("BAD_REQUEST", "resetInvalid");
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, emailVerified: now } });
    await endSessions(tx, [row.userId]);
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
  });
}
