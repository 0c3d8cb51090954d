// Auth.js (next-auth v5): email + password, and email sign-in links. Sessions are signed JWT
// cookies (HttpOnly, SameSite=Lax, Secure behind HTTPS), so they survive restarts; roles are
// never in the token: they are read from the database on every request (lib/auth/session.ts).
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import Credentials from "next-auth/providers/credentials";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { locales, type Locale } from "@/lib/i18n/routing";
import { magicLinkMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";
import { clientIp, hitLimits, mailLimits, signInLimits } from "@/lib/rate-limit/limit";
import { verifyPassword } from "./password";

/** Thrown when too many attempts were made; its message is the same whether the account exists or not. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

function localeOfLink(url: string, request: Request): Locale {
  const callback = new URL(url).searchParams.get("callbackUrl") ?? "";
  const segment = callback.replace(/^https?:\/\/[^/]+/, "").split("/")[1];
  return (locales as readonly string[]).includes(segment) ? (segment as Locale) : negotiateLocale(request.headers.get("accept-language"));
}

const emailLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: 24 * 60 * 60,
  async sendVerificationRequest({ identifier, url, request }) {
    const limited = await hitLimits(mailLimits(clientIp(request.headers), identifier));
    // Links go only to people who have an account, and the page says the same either way.
    const user = await db.user.findUnique({ where: { email: identifier }, select: { locale: true } });
    if (!limited.allowed || !user) return;
    await sendMail({ to: identifier, ...magicLinkMail({ url, locale: localeOfLink(url, request) }) });
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(db),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/en/sign-in", verifyRequest: "/en/sign-in/check-email", error: "/en/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const limit = await hitLimits(signInLimits(clientIp(request.headers), email));
        if (!limit.allowed) throw new TooManyAttempts();
        const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
        if (!user?.passwordHash || !(await verifyPassword(password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    emailLink,
  ],
  callbacks: {
    // Next.js reports its own listen address to Auth.js, which may not be the address people use
    // (127.0.0.1 vs localhost, or a proxy): return to the configured site, never elsewhere.
    redirect({ url }) {
      const site = new URL(getEnv().PUBLIC_BASE_URL);
      const target = new URL(url, site);
      return target.origin === site.origin ? target.toString() : site.toString();
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
