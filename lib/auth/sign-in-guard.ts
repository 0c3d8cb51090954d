// Password sign-in, slowed for attackers and not for owners. Three limits, all in PostgreSQL:
// failures from one address (whatever the accounts), attempts at one account from one address
// (a few, then a doubling wait), and attempts at one account from every address it has never
// signed in from (a distributed guess). An address the account has signed in from before is never
// slowed by strangers elsewhere, and a link by e-mail always works; when strangers are slowed, the
// owner is told by mail (at most once a day). Unknown addresses get the same answers and the
// same password work as real ones.
import "server-only";
import { db } from "@/lib/db";
import { signInNoticeMail } from "@/lib/mail/account-templates";
import { sendMailInBackground } from "@/lib/mail/transport";
import { SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, SIGN_IN_PAIR } from "@/lib/rate-limit/limit";
import type { BackoffPolicy } from "@/lib/rate-limit/backoff";
import { claimNotice, forgive, refund, takeTurn } from "@/lib/rate-limit/turns";
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { checkPasswordEvenly } from "./password";

export type PasswordOutcome = { ok: true; user: { id: string; email: string; name: string | null } } | { ok: false; reason: "badCredentials" | "rateLimited" };

const NOTICE_EVERY_SECONDS = 24 * 3600;

const keys = (email: string, address: string) => ({
  address: `sign-in:ip:${address}`,
  pair: `sign-in:pair:${email}|${address}`,
  account: `sign-in:account:${email}`,
});

/** Takes a turn of every limit in order; on the first refusal, gives back the turns already taken. */
async function takeTurns(limits: [string, BackoffPolicy][], now: Date): Promise<boolean> {
  const taken: string[] = [];
  for (const [key, policy] of limits) {
    if (!(await takeTurn(key, policy, now)).allowed) {
      await Promise.all(taken.map(refund));
      return false;
    }
    taken.push(key);
  }
  return true;
}

/** Tells the owner that strangers are being slowed down; never waited for, never fails the request. */
function noticeOwner(user: { email: string; locale: Locale } | null, now: Date) {
  if (!user) return;
  claimNotice(`notice:sign-in:${user.email}`, NOTICE_EVERY_SECONDS, now).then(
    (due) => {
      if (!due) return;
      const base = getEnv().PUBLIC_BASE_URL;
      sendMailInBackground({ to: user.email, ...signInNoticeMail({ locale: user.locale, signInUrl: `${base}/${user.locale}/sign-in`, resetUrl: `${base}/${user.locale}/reset-password` }) });
    },
    (err) => console.error("[mail] sign-in notice not sent:", err),
  );
}

export async function checkPasswordSignIn(rawEmail: string, password: string, address: string, now = new Date()): Promise<PasswordOutcome> {
  const email = rawEmail.trim().toLowerCase();
  const k = keys(email, address);
  // Both reads are made for every address, known or not: the same queries either way.
  const [user, known] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, locale: true } }),
    db.signInAddress.count({ where: { address, user: { email } } }),
  ]);
  const limits: [string, BackoffPolicy][] = [[k.address, SIGN_IN_ADDRESS], [k.pair, SIGN_IN_PAIR], ...(known ? [] : ([[k.account, SIGN_IN_ACCOUNT]] as [string, BackoffPolicy][]))];
  if (!(await takeTurns(limits, now))) {
    noticeOwner(user, now);
    return { ok: false, reason: "rateLimited" };
  }
  if (!(await checkPasswordEvenly(password, user?.passwordHash))) return { ok: false, reason: "badCredentials" };
  // Only failures count against the address; the account starts over from this address, and from
  // unknown addresses when this was one (a sign-in at home does not wipe a stranger's wait).
  await Promise.all([
    refund(k.address),
    forgive(k.pair),
    known ? null : forgive(k.account),
    db.signInAddress.upsert({
      where: { userId_address: { userId: user!.id, address } },
      create: { userId: user!.id, address, lastSuccessAt: now },
      update: { lastSuccessAt: now },
    }),
  ]);
  return { ok: true, user: { id: user!.id, email: user!.email, name: user!.name } };
}
