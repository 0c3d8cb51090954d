"use client";
// Forgotten password: ask for a link; then choose a new password.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestResetAction, resetPasswordAction } from "@/lib/account/actions";
import { fieldErrorsOf, formErrorOf, typedValue, type FormResult } from "@/lib/http/action-result";
import type { Locale } from "@/lib/i18n/routing";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/field";

export function RequestResetForm({ locale }: { locale: Locale }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<FormResult, FormData>(requestResetAction.bind(null, locale), null);
  const email = fieldErrorsOf(state).email;
  if (state?.ok) return <FormAlert tone="info" message={t("resetSent")} />;
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <TextField name="email" type="email" label={t("email")} autoComplete="email" required defaultValue={typedValue(state, "email")} error={email && te(email)} />
      <SubmitButton pending={pending}>{t("sendResetLink")}</SubmitButton>
    </form>
  );
}

export function NewPasswordForm({ locale, token }: { locale: Locale; token: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<FormResult, FormData>(resetPasswordAction.bind(null, locale, token), null);
  const errors = fieldErrorsOf(state);
  const err = (f: string) => (errors[f] ? te(errors[f]) : undefined);
  const formError = formErrorOf(state);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormAlert message={formError && te(formError)} />
      <TextField name="password" type="password" label={t("newPassword")} autoComplete="new-password" required hint={t("passwordHint")} error={err("password")} />
      <TextField name="confirm" type="password" label={t("confirmPassword")} autoComplete="new-password" required error={err("confirm")} />
      <SubmitButton pending={pending}>{t("savePassword")}</SubmitButton>
    </form>
  );
}
