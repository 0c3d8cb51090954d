"use server";
// Sign-in, sign-out and password-reset server actions (CSRF-safe: Next.js checks their origin).
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/rate-limit/limit";
import { isRoomPath } from "@/lib/security/headers";
import { signIn, signOut } from "./auth";
import { requestPasswordReset, resetPassword } from "./reset";

export interface FormState {
  error?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  done?: boolean;
  /** Where the browser must go with a full page load (a room: its Permissions-Policy comes with the document). */
  navigate?: string;
}

const emailSchema = z.string().trim().toLowerCase().email({ message: "email" });

/** Only paths of this site may be returned to after signing in. */
function safeCallback(value: FormDataEntryValue | null, locale: Locale): string {
  const v = typeof value === "string" ? value : "";
  // "//host" and "/\host" would leave the site (browsers read a backslash as a slash).
  return v.startsWith("/") && !v.startsWith("//") && !v.includes("\\") ? v : `/${locale}/me`;
}

export async function signInAction(locale: Locale, _prev: FormState, form: FormData): Promise<FormState> {
  const email = emailSchema.safeParse(form.get("email"));
  const password = String(form.get("password") ?? "");
  const values = { email: String(form.get("email") ?? "") };
  if (!email.success) return { errors: { email: "email" }, values };
  if (!password) return { errors: { password: "required" }, values };
  const callback = safeCallback(form.get("callbackUrl"), locale);
  try {
    // A server action's redirect is a client-side navigation, which would keep this page's
    // Permissions-Policy (no camera): a room is opened by the browser itself instead.
    if (isRoomPath(callback)) return { navigate: await signIn("credentials", { email: email.data, password, redirect: false, redirectTo: callback }) };
    await signIn("credentials", { email: email.data, password, redirectTo: callback });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return { error: code === "rate_limited" ? "tooManyAttempts" : "badCredentials", values };
    }
    throw err;
  }
  return {};
}

export async function emailLinkAction(locale: Locale, _prev: FormState, form: FormData): Promise<FormState> {
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { errors: { email: "email" }, values: { email: String(form.get("email") ?? "") } };
  await signIn("email", { email: email.data, redirect: false, redirectTo: safeCallback(form.get("callbackUrl"), locale) });
  redirect(`/${locale}/sign-in/check-email`);
}

export async function signOutAction(locale: Locale) {
  await signOut({ redirectTo: `/${locale}` });
}

export async function requestResetAction(locale: Locale, _prev: FormState, form: FormData): Promise<FormState> {
  const email = emailSchema.safeParse(form.get("email"));
  if (!email.success) return { errors: { email: "email" }, values: { email: String(form.get("email") ?? "") } };
  await requestPasswordReset(email.data, clientIp(await headers()), locale);
  return { done: true };
}

export async function resetPasswordAction(locale: Locale, token: string, _prev: FormState, form: FormData): Promise<FormState> {
  const password = String(form.get("password") ?? "");
  if (password.length < 10) return { errors: { password: "passwordShort" } };
  if (password.length > 200) return { errors: { password: "tooLong" } };
  if (password !== form.get("confirm")) return { errors: { confirm: "passwordMismatch" } };
  try {
    await resetPassword(token, password);
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  redirect(`/${locale}/sign-in?reset=1`);
}
