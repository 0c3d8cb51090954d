// Auth.js (next-auth v5): email + password, and email sign-in links. Sessions are signed JWT
// cookies (HttpOnly, SameSite=Lax, Secure behind HTTPS), so they survive restarts; roles are
// never in the token: they are read from the database on every request (lib/auth/session.ts).
// Each token carries the account's session version, checked on every request, so signing out
// (or a password reset, a decline, losing organizer rights) ends the sessions issued before.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import Credentials from "next-auth/providers/credentials";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { magicLinkMail } from "@/lib/mail/account-templates";
import { sendMailInBackground } from "@/lib/mail/transport";
import { clientIp } from "@/lib/rate-limit/limit";
import { localeOfAuthUrl } from "./auth-urls";
import { mailTurn } from "./mail-guard";
import { checkPasswordSignIn } from "./sign-in-guard";
import { endSessions, isSessionCurrent } from "./session-version";

/** Thrown when too many attempts were made; its message is the same whether the account exists or not. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

const emailLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  // Read when the server starts: a link lives SIGN_IN_LINK_MINUTES (15 by default).
  get maxAge() {
    return getEnv().SIGN_IN_LINK_MINUTES * 60;
  },
  async sendVerificationRequest({ identifier, url, request }) {
    const minutes = getEnv().SIGN_IN_LINK_MINUTES;
    // Links go only to people who have an account, and the page says the same either way. The
    // mailbox's back-off never holds a link back longer than a link lives: the last one still works.
    const [allowed, user] = await Promise.all([mailTurn("link", clientIp(request.headers), identifier, minutes), db.user.findUnique({ where: { email: identifier }, select: { id: true } })]);
    if (!allowed || !user) return;
    // Not waited for: the answer takes as long whether the address has an account or not.
    sendMailInBackground({ to: identifier, ...magicLinkMail({ url, locale: localeOfAuthUrl(url, request.headers.get("accept-language")), minutes }) });
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(db),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  // English paths; app/api/auth/[...nextauth]/route.ts sends each person to their link's language.
  pages: { signIn: "/en/sign-in", verifyRequest: "/en/sign-in/check-email", error: "/en/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await checkPasswordSignIn(parsed.data.email, parsed.data.password, clientIp(request.headers));
        if (!outcome.ok && outcome.reason === "rateLimited") throw new TooManyAttempts();
        return outcome.ok ? outcome.user : null;
      },
    }),
    emailLink,
  ],
  events: {
    // A signed-out cookie must not keep working if it was copied: every session of the account ends.
    async signOut(message) {
      const sub = "token" in message ? message.token?.sub : undefined;
      if (sub) await endSessions(db, [sub]);
    },
  },
  callbacks: {
    // Next.js reports its own listen address to Auth.js, which may not be the address people use
    // (127.0.0.1 vs localhost, or a proxy): return to the configured site, never elsewhere.
    redirect({ url }) {
      const site = new URL(getEnv().PUBLIC_BASE_URL);
      const target = new URL(url, site);
      return target.origin === site.origin ? target.toString() : site.toString();
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        // The version the account is at as this session starts.
        const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        token.sv = row?.sessionVersion ?? 0;
        return token;
      }
      // Auth.js's own session endpoint reads the cookie too: a session ended since is over there as well.
      const sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      if (token.sub && !(await isSessionCurrent({ userId: token.sub, sessionVersion }))) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
