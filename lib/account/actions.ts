"use server";
// Sign-in, sign-out and password-reset server actions (CSRF-safe: Next.js checks their origin).
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { invalidFields, runAction, type FormResult } from "@/lib/http/action";
import type { Locale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/rate-limit/limit";
import { isRoomPath } from "@/lib/security/headers";
import { signIn, signOut } from "../auth/auth";
import { requestPasswordReset, resetPassword } from "./reset";

/** Signing in answers where the browser must go with a full page load (a room: its
 * Permissions-Policy comes with the document), or redirects; the other forms redirect or say done. */
export type SignInResult = FormResult<{ navigate: string }>;

const emailSchema = z.string().trim().toLowerCase().email({ message: "email" });

/** Only paths of this site may be returned to after signing in. */
function safeCallback(value: FormDataEntryValue | null, locale: Locale): string {
  const v = typeof value === "string" ? value : "";
  // "//host" and "/\host" would leave the site (browsers read a backslash as a slash).
  return v.startsWith("/") && !v.startsWith("//") && !v.includes("\\") ? v : `/${locale}/me`;
}

export async function signInAction(locale: Locale, _prev: SignInResult, form: FormData): Promise<SignInResult> {
  const email = emailSchema.safeParse(form.get("email"));
  const password = String(form.get("password") ?? "");
  const values = { email: String(form.get("email") ?? "") };
  if (!email.success) return { ...invalidFields({ email: "email" }), values };
  if (!password) return { ...invalidFields({ password: "required" }), values };
  const callback = safeCallback(form.get("callbackUrl"), locale);
  try {
    // A server action's redirect is a client-side navigation, which would keep this page's
    // Permissions-Policy (no camera): a room is opened by the browser itself instead.
    if (isRoomPath(callback)) return { ok: true, data: { navigate: await signIn("credentials", { email: email.data, password, redirect: false, redirectTo: callback }) } };
    await signIn("credentials", { email: email.data, password, redirectTo: callback });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return { ok: false, error: code === "rate_limited" ? "tooManyAttempts" : "badCredentials", values };
    }
    throw err;
  }
  return null;
}

export async function emailLinkAction(locale: Locale, _prev: FormResult, form: FormData): Promise<FormResult> {
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { ...invalidFields({ email: "email" }), values: { email: String(form.get("email") ?? "") } };
  await signIn("email", { email: email.data, redirect: false, redirectTo: safeCallback(form.get("callbackUrl"), locale) });
  redirect(`/${locale}/sign-in/check-email`);
}

export async function signOutAction(locale: Locale) {
  await signOut({ redirectTo: `/${locale}` });
}

export async function requestResetAction(locale: Locale, _prev: FormResult, form: FormData): Promise<FormResult> {
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { ...invalidFields({ email: "email" }), values: { email: String(form.get("email") ?? "") } };
  await requestPasswordReset(email.data, clientIp(await headers()), locale);
  return { ok: true, data: null };
}

export async function resetPasswordAction(locale: Locale, token: string, _prev: FormResult, form: FormData): Promise<FormResult> {
  const password = String(form.get("password") ?? "");
  if (password.length < 10) return invalidFields({ password: "passwordShort" });
  if (password.length > 200) return invalidFields({ password: "tooLong" });
  if (password !== form.get("confirm")) return invalidFields({ confirm: "passwordMismatch" });
  const reset = await runAction(() => resetPassword(token, password));
  if (!reset.ok) return reset;
  redirect(`/${locale}/sign-in?reset=1`);
}
