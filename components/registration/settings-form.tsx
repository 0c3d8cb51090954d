"use client";
// Capacity, policy and registration window; times are entered in the event's own zone. The
// audience (watch only) has its own policy and limit, apart from the participants' places.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { fieldErrorsOf, type ActionResult, type FormResult } from "@/lib/http/action-result";
import { Field, FormAlert, SubmitButton, inputClass } from "@/components/ui/field";

export function SettingsForm({
  action,
  values,
  zoneLabel,
}: {
  action: (p: FormResult<number>, f: FormData) => Promise<ActionResult<number>>;
  values: { capacity: number; policy: string; audiencePolicy: string; audienceCapacity: number | null; opensAt: string; closesAt: string };
  zoneLabel: string;
}) {
  const t = useTranslations("settings");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState<FormResult<number>, FormData>(action, null);
  const errors = fieldErrorsOf(state);
  const err = (k: string) => (errors[k] ? te(errors[k]) : undefined);
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      {state?.ok && <FormAlert tone="info" message={t("saved", { promoted: state.data })} />}
      {state && !state.ok && !Object.keys(errors).length && <FormAlert message={te(state.error)} />}
      <Field name="capacity" label={t("capacity")} error={err("capacity")}>
        {(a) => <input {...a} name="capacity" type="number" min={1} defaultValue={values.capacity} className={inputClass} />}
      </Field>
      <PolicyChoice name="registrationPolicy" legend={t("policy")} checked={values.policy} />
      <fieldset className="space-y-3 rounded border border-slate-300 p-3" aria-describedby="audience-hint" data-testid="audience-settings">
        <legend className="px-1 text-sm font-semibold">{t("audienceTitle")}</legend>
        <p id="audience-hint" className="text-sm text-slate-700">
          {t("audienceHint")}
        </p>
        <Field name="audienceCapacity" label={t("audienceCapacity")} error={err("audienceCapacity")}>
          {(a) => <input {...a} name="audienceCapacity" type="number" min={1} defaultValue={values.audienceCapacity ?? ""} className={inputClass} />}
        </Field>
        <PolicyChoice name="audiencePolicy" legend={t("audiencePolicy")} checked={values.audiencePolicy} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="registrationOpensAt" label={t("opensAt", { zone: zoneLabel })} error={err("registrationOpensAt")}>
          {(a) => <input {...a} name="registrationOpensAt" type="datetime-local" defaultValue={values.opensAt} className={inputClass} />}
        </Field>
        <Field name="registrationClosesAt" label={t("closesAt", { zone: zoneLabel })} error={err("registrationClosesAt")}>
          {(a) => <input {...a} name="registrationClosesAt" type="datetime-local" defaultValue={values.closesAt} className={inputClass} />}
        </Field>
      </div>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}

/** One registration policy for delegates or for the audience: open, approval or invitation. */
function PolicyChoice({ name, legend, checked }: { name: string; legend: string; checked: string | undefined }) {
  const t = useTranslations("settings");
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      {(["open", "approval", "invitation"] as const).map((p) => (
        <label key={p} className="mt-1 flex items-start gap-2">
          <input type="radio" name={name} value={p} defaultChecked={checked === p} className="mt-1 size-4" />
          <span>
            <span className="font-medium">{t(`policies.${p}`)}</span>
            <span className="block text-sm text-slate-600">{t(`policyHints.${p}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
