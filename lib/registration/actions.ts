"use server";
// Server actions of registration: a delegate's own (register, cancel) and the desk's.
import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { invalidFields, runAction, type ActionResult, type FormResult } from "@/lib/http/action";
import type { Locale } from "@/lib/i18n/routing";
import { clientIp, hitLimits, registrationLimits } from "@/lib/rate-limit/limit";
import { zonedLocalToUtc } from "@/lib/time/zones";
import { confirmRegistration } from "./confirmation";
import { cancelRegistration, register } from "./mutations";
import { changeRoles, decideRegistrations, decideRequests, updateRegistrationSettings } from "./organizer";
import { accountSchema, fieldErrors, registrationSchema } from "./schema";

function formValues(form: FormData) {
  return {
    name: String(form.get("name") ?? ""),
    nameLatin: String(form.get("nameLatin") ?? ""),
    email: String(form.get("email") ?? ""),
    organizationKey: String(form.get("organizationKey") ?? ""),
    organizationOther: String(form.get("organizationOther") ?? ""),
    country: String(form.get("country") ?? ""),
    // "Watch only" on the form is the audience role, which chooses no forum.
    role: form.get("tier") === "audience" ? "audience" : String(form.get("role") ?? ""),
    forums: form.get("tier") === "audience" ? [] : form.getAll("forums").map(String),
    preferredLanguage: String(form.get("preferredLanguage") ?? ""),
    timeZone: String(form.get("timeZone") ?? ""),
    accessibilityNeeds: String(form.get("accessibilityNeeds") ?? ""),
    recordingConsent: form.get("recordingConsent") === "on" ? "on" : "",
  };
}

/** Signs a person in with the password they just typed and sends them to My conference; if the
 * sign-in is refused (e.g. a rate limit), to the sign-in page instead. */
async function signInAndShowRegistration(locale: Locale, email: string, password: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo: `/${locale}/me?registered=1` });
  } catch (err) {
    if (err instanceof AuthError) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/me`)}`);
    throw err;
  }
  redirect(`/${locale}/me?registered=1`);
}

/** Registers, then redirects; a refusal comes back with what was typed and the answer's count, so
 * the form starts afresh from those values after each (see register-form.tsx). */
export async function registerAction(slug: string, locale: Locale, invitationToken: string | null, prev: FormResult, form: FormData): Promise<FormResult> {
  const values = formValues(form);
  const attempt = (prev?.attempt ?? 0) + 1;
  const actor = await getActor();
  const parsed = registrationSchema.safeParse({ ...values, recordingConsent: values.recordingConsent === "on" });
  const account = actor ? null : accountSchema.safeParse({ email: values.email, password: form.get("password") });
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(account && !account.success ? fieldErrors(account.error) : {}) };
  if (!parsed.success || (account && !account.success)) return { ...invalidFields(errors), values, attempt };

  const address = clientIp(await headers());
  const limited = await hitLimits(registrationLimits(address, actor?.userId ?? null));
  if (!limited.allowed) return { ok: false, error: "tooManyAttempts", values, attempt };
  const registered = await runAction(() => register({ slug, actor, account: account?.data, input: parsed.data, invitationToken: invitationToken ?? undefined, locale, address }));
  if (!registered.ok) return { ...registered, values, attempt };
  const outcome = registered.data;
  if (outcome.status === "confirmationSent") redirect(`/${locale}/events/${slug}/register/check-email`);
  if (account) await signInAndShowRegistration(locale, account.data.email, account.data.password);
  redirect(`/${locale}/me?registered=1`);
}

/** Opens a kept-aside registration: the address is confirmed, the seat decided, a new account signed in. */
export async function confirmRegistrationAction(slug: string, locale: Locale, token: string, _prev: FormResult, form: FormData): Promise<FormResult> {
  const password = String(form.get("password") ?? "").slice(0, 200);
  const answer = await runAction(async () => confirmRegistration(token, { actor: await getActor(), password }), "confirmationInvalid");
  if (!answer.ok) return answer;
  const confirmed = answer.data;
  if (confirmed.newAccount) await signInAndShowRegistration(locale, confirmed.email, password);
  redirect(`/${locale}/me?registered=1`);
}

export async function cancelAction(slug: string, locale: Locale) {
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  await cancelRegistration(actor, slug);
  redirect(`/${locale}/me?cancelled=1`);
}

/** How many rows the desk's command changed, and how many it refused. */
export type DeskOutcome = { changed: number; refused: number };

/** One form for the desk: a row's own button ("row" = "id|decision") or the bulk action on the ticked rows. */
export async function deskAction(slug: string, _prev: FormResult<DeskOutcome>, form: FormData): Promise<ActionResult<DeskOutcome>> {
  const actor = await getActor();
  const row = form.get("row");
  const [ids, action] = row ? [[String(row).split("|")[0]], String(row).split("|")[1]] : [form.getAll("ids").map(String), String(form.get("action") ?? "")];
  if (!ids.length) return { ok: false, error: "selectSome" };
  return runAction(async () => {
    const result = await (
      action.startsWith("role:")
        ? changeRoles(actor, slug, { ids, role: action.slice(5) })
        : action.startsWith("requests:")
          ? decideRequests(actor, slug, { ids, grant: action === "requests:grant" })
          : decideRegistrations(actor, slug, { ids, decision: action as "approved" | "declined" | "waitlisted" })
    ).catch((err: unknown) => {
      // The desk offers only valid commands: a malformed one is simply not an action it knows.
      throw err instanceof AppError && err.code === "BAD_REQUEST" ? new AppError("BAD_REQUEST", "invalidAction") : err;
    });
    revalidatePath("/[locale]/organizer/events/[slug]", "layout");
    return { changed: result.changed.length, refused: result.refused.length };
  });
}

const audienceLimit = (v: string) => (v.trim() === "" ? null : Number(v));

/** Saves the registration settings; answers how many on the waitlist took a freed place. */
export async function settingsAction(slug: string, timeZone: string, _prev: FormResult<number>, form: FormData): Promise<ActionResult<number>> {
  // Empty means "no limit"; anything else must be a real time on the event's clock (no 10:99, no
  // 30 February), never quietly read as "no limit" or shifted.
  const invalid: Record<string, string> = {};
  const local = (name: string) => {
    const v = String(form.get(name) ?? "");
    if (!v) return null;
    const at = zonedLocalToUtc(v, timeZone);
    if (!at) invalid[name] = "invalidTime";
    return at;
  };
  const opensAt = local("registrationOpensAt");
  const closesAt = local("registrationClosesAt");
  if (Object.keys(invalid).length) return { ok: false, error: "invalidInput", details: { fields: invalid } };
  return runAction(async () => {
    const { promoted } = await updateRegistrationSettings(await getActor(), slug, {
      capacity: Number(form.get("capacity")),
      registrationPolicy: String(form.get("registrationPolicy")) as "open",
      // The audience's fields, when the form has them: an absent one leaves the tier as it is; an empty limit is no limit.
      audiencePolicy: form.has("audiencePolicy") ? (String(form.get("audiencePolicy")) as "open") : undefined,
      audienceCapacity: form.has("audienceCapacity") ? audienceLimit(String(form.get("audienceCapacity"))) : undefined,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
    });
    revalidatePath("/[locale]/organizer/events/[slug]", "layout");
    return promoted.length;
  });
}
