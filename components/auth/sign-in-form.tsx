"use client";
// Email + password sign-in, and the alternative of a sign-in link by mail.
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { emailLinkAction, signInAction, type SignInResult } from "@/lib/account/actions";
import { fieldErrorsOf, formErrorOf, typedValue, type FormResult } from "@/lib/http/action-result";
import type { Locale } from "@/lib/i18n/routing";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/field";

export function SignInForm({ locale, callbackUrl }: { locale: Locale; callbackUrl?: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<SignInResult, FormData>(signInAction.bind(null, locale), null);
  const [linkState, linkAction, linkPending] = useActionState<FormResult, FormData>(emailLinkAction.bind(null, locale), null);
  const navigate = state?.ok ? state.data.navigate : null;
  // A room is loaded in full (its camera permission comes with the document); see signInAction.
  useEffect(() => {
    if (navigate) window.location.assign(navigate);
  }, [navigate]);
  const err = (s: FormResult<unknown>, f: string) => (fieldErrorsOf(s)[f] ? te(fieldErrorsOf(s)[f]) : undefined);
  const formError = formErrorOf(state);
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form action={action} className="space-y-4" aria-labelledby="password-sign-in" noValidate>
        <h2 id="password-sign-in" className="text-xl font-semibold">
          {t("withPassword")}
        </h2>
        <FormAlert message={formError && te(formError)} />
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
        <TextField name="email" type="email" label={t("email")} autoComplete="email" required defaultValue={typedValue(state, "email")} error={err(state, "email")} />
        <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required error={err(state, "password")} />
        <SubmitButton pending={pending}>{t("signIn")}</SubmitButton>
      </form>
      <form action={linkAction} className="space-y-4" aria-labelledby="link-sign-in" noValidate>
        <h2 id="link-sign-in" className="text-xl font-semibold">
          {t("withLink")}
        </h2>
        <p className="text-sm text-slate-700">{t("linkHint")}</p>
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
        <TextField name="email" id="link-email" type="email" label={t("email")} autoComplete="email" required defaultValue={typedValue(linkState, "email")} error={err(linkState, "email")} />
        <SubmitButton pending={linkPending}>{t("sendLink")}</SubmitButton>
      </form>
    </div>
  );
}
