"use client";
// Forgotten password: ask for a link; then choose a new password.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestResetAction, resetPasswordAction, type FormState } from "@/lib/auth/actions";
import type { Locale } from "@/lib/i18n/routing";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/field";

export function RequestResetForm({ locale }: { locale: Locale }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<FormState, FormData>(requestResetAction.bind(null, locale), {});
  if (state.done) return <FormAlert tone="info" message={t("resetSent")} />;
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <TextField name="email" type="email" label={t("email")} autoComplete="email" required defaultValue={state.values?.email} error={state.errors?.email && te(state.errors.email)} />
      <SubmitButton pending={pending}>{t("sendResetLink")}</SubmitButton>
    </form>
  );
}

export function NewPasswordForm({ locale, token }: { locale: Locale; token: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction.bind(null, locale, token), {});
  const err = (f: string) => (state.errors?.[f] ? te(state.errors[f]) : undefined);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormAlert message={state.error && te(state.error)} />
      <TextField name="password" type="password" label={t("newPassword")} autoComplete="new-password" required hint={t("passwordHint")} error={err("password")} />
      <TextField name="confirm" type="password" label={t("confirmPassword")} autoComplete="new-password" required error={err("confirm")} />
      <SubmitButton pending={pending}>{t("savePassword")}</SubmitButton>
    </form>
  );
}
