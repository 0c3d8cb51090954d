"use client";
// Changes one material's titles and visibility, with the outcome beside the button.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/field";
import type { ActionResult, FormResult } from "@/lib/http/action-result";
import type { LocalizedText } from "@/lib/i18n/localized";
import { VisibilitySelect } from "./visibility-select";

type Action = (prev: FormResult, form: FormData) => Promise<ActionResult>;

export function MaterialEditForm({ id, action, title, visibility }: { id: string; action: Action; title: LocalizedText; visibility: string }) {
  const t = useTranslations("materials");
  const [state, formAction, pending] = useActionState<FormResult, FormData>(action, null);
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <TextField name="titleKo" id={`title-ko-${id}`} label={t("upload.titleKo")} lang="ko" defaultValue={title.ko} maxLength={200} />
      <TextField name="titleZh" id={`title-zh-${id}`} label={t("upload.titleZh")} lang="zh" defaultValue={title.zh} maxLength={200} />
      <TextField name="titleEn" id={`title-en-${id}`} label={t("upload.titleEn")} lang="en" defaultValue={title.en} maxLength={200} />
      <VisibilitySelect id={`visibility-${id}`} label={t("columns.visibility")} defaultValue={visibility} />
      <SubmitButton pending={pending}>{t("edit.save")}</SubmitButton>
      <div aria-live="polite">{state?.ok && !pending && <FormAlert tone="info" message={t("edit.saved")} />}</div>
      {state && !state.ok && <FormAlert message={t.has(`errors.${state.error}`) ? t(`errors.${state.error}`) : t("errors.invalidInput")} />}
    </form>
  );
}
