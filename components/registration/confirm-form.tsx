"use client";
// Confirms a registration's address: the password chosen when registering (a new account), or
// only the button (signed in as the account). Errors come back in the user's language.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormResult } from "@/lib/http/action-result";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/field";

export function ConfirmForm({ action, email, needsPassword }: { action: (prev: FormResult, form: FormData) => Promise<FormResult>; email: string; needsPassword: boolean }) {
  const t = useTranslations("register");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormResult, FormData>(action, null);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate data-testid="confirm-form">
      <FormAlert message={state && !state.ok ? te(state.error) : undefined} />
      {needsPassword && (
        <>
          {/* The address, for password managers filling the right account in. */}
          <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
          <TextField name="password" type="password" label={t("confirmPassword")} autoComplete="current-password" required />
        </>
      )}
      <SubmitButton pending={pending}>{t("confirmSubmit")}</SubmitButton>
    </form>
  );
}
