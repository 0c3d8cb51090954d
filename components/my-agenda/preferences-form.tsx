"use client";
// My conference's "Mails and reminders": the language and time zone of a person's mails (and of
// the times on this page), and how long before their sessions a reminder goes out.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormAlert, SubmitButton, inputClass } from "@/components/ui/field";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { fieldErrorsOf, type ActionResult, type FormResult } from "@/lib/http/action-result";
import { REMINDER_CHOICES } from "@/lib/my-agenda/reminders";
import { locales } from "@/lib/i18n/routing";

interface Props {
  action: (prev: FormResult, form: FormData) => Promise<ActionResult>;
  id: string;
  language: string;
  timeZone: string;
  /** The person's own lead in minutes, or null for the deployment's default. */
  reminderMinutes: number | null;
  defaultMinutes: number;
  eventZones: string[];
}

export function PreferencesForm({ action, id, language, timeZone, reminderMinutes, defaultMinutes, eventZones }: Props) {
  const t = useTranslations("myAgenda");
  const tl = useTranslations("languages");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormResult, FormData>(action, null);
  const errors = fieldErrorsOf(state);
  const choice = (m: number) => (m === 0 ? t("reminderOff") : m === 1440 ? t("reminderDay") : m % 60 === 0 ? t("reminderHours", { hours: m / 60 }) : t("reminderMinutes", { minutes: m }));
  return (
    <form action={formAction} className="max-w-2xl space-y-3" data-testid="preferences">
      <div aria-live="polite">{state?.ok && <FormAlert tone="info" message={t("savedNotice")} />}</div>
      {state && !state.ok && !Object.keys(errors).length && <FormAlert message={te(state.error)} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="preferredLanguage" id={`${id}-language`} label={t("mailLanguage")} error={errors.preferredLanguage && te(errors.preferredLanguage)}>
          {(a) => (
            <select {...a} name="preferredLanguage" defaultValue={language} className={inputClass}>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {tl(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="timeZone" id={`${id}-zone`} label={t("timeZone")} error={errors.timeZone && te(errors.timeZone)}>
          {(a) => <TimeZoneSelect {...a} name="timeZone" initial={timeZone} first={eventZones} />}
        </Field>
      </div>
      <Field name="reminderMinutes" id={`${id}-reminder`} label={t("reminder")} hint={t("reminderHint")}>
        {(a) => (
          <select {...a} name="reminderMinutes" defaultValue={reminderMinutes === null ? "" : String(reminderMinutes)} className={inputClass}>
            <option value="">{t("reminderDefault", { minutes: defaultMinutes })}</option>
            {REMINDER_CHOICES.map((m) => (
              <option key={m} value={m}>
                {choice(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
