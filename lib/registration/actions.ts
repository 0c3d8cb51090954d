"use server";
// Server actions of registration: a delegate's own (register, cancel) and the desk's.
import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "@/lib/zod";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { clientIp, hitLimits, registrationLimits } from "@/lib/rate-limit/limit";
import { zonedLocalToUtc } from "@/lib/time/zones";
import { cancelRegistration, register } from "./mutations";
import { changeRoles, decideRegistrations, updateRegistrationSettings } from "./organizer";
import { accountSchema, fieldErrors, registrationSchema } from "./schema";

export interface RegisterState {
  error?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

function formValues(form: FormData) {
  return {
    name: String(form.get("name") ?? ""),
    nameLatin: String(form.get("nameLatin") ?? ""),
    email: String(form.get("email") ?? ""),
    organizationKey: String(form.get("organizationKey") ?? ""),
    organizationOther: String(form.get("organizationOther") ?? ""),
    country: String(form.get("country") ?? ""),
    role: String(form.get("role") ?? ""),
    forums: form.getAll("forums").map(String),
    preferredLanguage: String(form.get("preferredLanguage") ?? ""),
    timeZone: String(form.get("timeZone") ?? ""),
    accessibilityNeeds: String(form.get("accessibilityNeeds") ?? ""),
    recordingConsent: form.get("recordingConsent") === "on" ? "on" : "",
  };
}

export async function registerAction(slug: string, locale: Locale, invitationToken: string | null, _prev: RegisterState, form: FormData): Promise<RegisterState> {
  const values = formValues(form);
  const actor = await getActor();
  const parsed = registrationSchema.safeParse({ ...values, recordingConsent: values.recordingConsent === "on" });
  const account = actor ? null : accountSchema.safeParse({ email: values.email, password: form.get("password") });
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(account && !account.success ? fieldErrors(account.error) : {}) };
  if (!parsed.success || (account && !account.success)) return { errors, values };

  const limited = await hitLimits(registrationLimits(clientIp(await headers()), account?.data.email ?? actor!.userId));
  if (!limited.allowed) return { error: "tooManyAttempts", values };
  try {
    await register({ slug, actor, account: account?.data, input: parsed.data, invitationToken: invitationToken ?? undefined });
  } catch (err) {
    if (err instanceof AppError) return { error: err.message, values };
    throw err;
  }
  if (account) {
    try {
      await signIn("credentials", { email: account.data.email, password: account.data.password, redirectTo: `/${locale}/me?registered=1` });
    } catch (err) {
      // Registered but the automatic sign-in was refused (e.g. rate limit): sign in by hand.
      if (err instanceof AuthError) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/me`)}`);
      throw err;
    }
  }
  redirect(`/${locale}/me?registered=1`);
}

export async function cancelAction(slug: string, locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  await cancelRegistration(actor, slug);
  redirect(`/${locale}/me?cancelled=1`);
}

export interface DeskState {
  changed?: number;
  refused?: number;
  error?: string;
}

/** One form for the desk: a row's own button ("row" = "id|decision") or the bulk action on the ticked rows. */
export async function deskAction(slug: string, _prev: DeskState, form: FormData): Promise<DeskState> {
  const actor = await getActor();
  const row = form.get("row");
  const [ids, action] = row ? [[String(row).split("|")[0]], String(row).split("|")[1]] : [form.getAll("ids").map(String), String(form.get("action") ?? "")];
  if (!ids.length) return { error: "selectSome" };
  try {
    const result = action.startsWith("role:")
      ? await changeRoles(actor, slug, { ids, role: action.slice(5) })
      : await decideRegistrations(actor, slug, { ids, decision: action as "approved" | "declined" | "waitlisted" });
    revalidatePath("/[locale]/organizer/events/[slug]", "layout");
    return { changed: result.changed.length, refused: result.refused.length };
  } catch (err) {
    if (err instanceof AppError) return { error: err.code === "BAD_REQUEST" ? "invalidAction" : err.message };
    throw err;
  }
}

export interface SettingsState {
  errors?: Record<string, string>;
  error?: string;
  saved?: boolean;
  promoted?: number;
}

export async function settingsAction(slug: string, timeZone: string, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const local = (name: string) => {
    const v = String(form.get(name) ?? "");
    return v ? zonedLocalToUtc(v, timeZone) : null;
  };
  try {
    const { promoted } = await updateRegistrationSettings(await getActor(), slug, {
      capacity: Number(form.get("capacity")),
      registrationPolicy: String(form.get("registrationPolicy")) as "open",
      registrationOpensAt: local("registrationOpensAt"),
      registrationClosesAt: local("registrationClosesAt"),
    });
    revalidatePath("/[locale]/organizer/events/[slug]", "layout");
    return { saved: true, promoted: promoted.length };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { errors: fieldErrors(err) };
    throw err;
  }
}
