"use client";
// The registration form. Every field is validated on the server too; errors come back beside
// their fields in the user's language, with every choice kept: React resets a form after its
// action, which puts selects back to their first option (한국어, Africa/Abidjan…), so each answer
// mounts a fresh form whose defaults are the values just sent.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { fieldErrorsOf, formErrorOf, type FormResult } from "@/lib/http/action-result";
import { Field, FormAlert, SubmitButton, TextField, inputClass } from "@/components/ui/field";
import { useViewerZone } from "@/components/agenda/day-context";
import { TimeSpan } from "@/components/agenda/time-span";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import type { ShownZone } from "@/lib/agenda/display-zones";
import { locales } from "@/lib/i18n/routing";

/** Taking part (a delegate's seat, or a role asked for) or watching only (the audience). */
export type Tier = "delegate" | "audience";

export interface Option {
  value: string;
  label: string;
}

interface Props {
  action: (prev: FormResult, form: FormData) => Promise<FormResult>;
  organizations: Option[];
  countries: Option[];
  forums: (Option & { startsAt: string; endsAt: string })[];
  /** The event's displayed zones (offered first in the zone picker) and its home zone. */
  eventZones: ShownZone[];
  homeZone: string;
  needsAccount: boolean;
  /** An invitation fixes the email and pre-fills the rest. */
  lockedEmail?: string;
  defaults: Record<string, string | string[]>;
  tiers: readonly Tier[];
}

/** A forum's block with its date, in the viewer's zone and in the event's home zone. */
function ForumWhen({ startsAt, endsAt, home }: { startsAt: string; endsAt: string; home: ShownZone | undefined }) {
  const t = useTranslations("time");
  const viewer = useViewerZone();
  const [s, e] = [new Date(startsAt), new Date(endsAt)];
  return (
    <span className="text-sm text-slate-600">
      {viewer && (
        <>
          {t("yourTime")}: <TimeSpan start={s} end={e} zone={viewer} reference={null} />
        </>
      )}
      {home && home.zone !== viewer && (
        <>
          {viewer && " · "}
          <TimeSpan start={s} end={e} zone={home.zone} reference={null} /> {home.label} {home.abbr}
        </>
      )}
    </span>
  );
}

export function RegisterForm(props: Props) {
  const [state, formAction, pending] = useActionState<FormResult, FormData>(props.action, null);
  return <RegisterFields key={state?.attempt ?? 0} {...props} state={state} formAction={formAction} pending={pending} />;
}

function RegisterFields({
  organizations,
  countries,
  forums,
  eventZones,
  homeZone,
  needsAccount,
  lockedEmail,
  defaults,
  tiers,
  state,
  formAction,
  pending,
}: Props & { state: FormResult; formAction: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations("register");
  const te = useTranslations("errors");
  const tl = useTranslations("languages");
  const v = (k: string) => (state?.values?.[k] ?? defaults[k] ?? "") as string;
  const list = (k: string) => (state?.values?.[k] ?? defaults[k] ?? []) as string[];
  const errors = fieldErrorsOf(state);
  const formError = formErrorOf(state);
  const err = (k: string) => (errors[k] ? te(errors[k]) : undefined);
  const [org, setOrg] = useState(v("organizationKey"));
  const [tier, setTier] = useState<Tier>(tiers.length === 1 ? tiers[0] : v("role") === "audience" ? "audience" : "delegate");
  const form = useRef<HTMLFormElement>(null);
  // A fresh form after an answer: the keyboard continues at the first field to fix (else the button).
  useEffect(() => {
    if (!state?.attempt) return;
    (form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  }, [state?.attempt]);
  return (
    <form ref={form} action={formAction} className="max-w-2xl space-y-5" noValidate data-testid="register-form">
      <FormAlert message={formError && te(formError)} />
      {Object.keys(errors).length > 0 && <FormAlert message={te("fixFields")} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t("name")} hint={t("nameHint")} autoComplete="name" required defaultValue={v("name")} error={err("name")} />
        <TextField name="nameLatin" label={t("nameLatin")} hint={t("nameLatinHint")} required defaultValue={v("nameLatin")} error={err("nameLatin")} />
      </div>
      {(needsAccount || lockedEmail) && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="email" type="email" label={t("email")} autoComplete="email" required readOnly={!!lockedEmail} defaultValue={lockedEmail ?? v("email")} error={err("email")} />
          {needsAccount && <TextField name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" required error={err("password")} />}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="organizationKey" label={t("organization")} hint={t("organizationHint")} error={err("organizationKey")}>
          {(a) => (
            <select {...a} name="organizationKey" value={org} onChange={(e) => setOrg(e.target.value)} className={inputClass} required>
              <option value="">{t("choose")}</option>
              {organizations.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              <option value="other">{t("otherOrganization")}</option>
            </select>
          )}
        </Field>
        {org === "other" && <TextField name="organizationOther" label={t("organizationName")} required defaultValue={v("organizationOther")} error={err("organizationOther")} />}
        <Field name="country" label={t("country")} error={err("country")}>
          {(a) => (
            <select {...a} name="country" defaultValue={v("country")} className={inputClass} required>
              <option value="">{t("choose")}</option>
              {countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {tiers.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("tier")}</legend>
          <div className="mt-1 space-y-2">
            {tiers.map((x) => (
              <label key={x} className="flex items-start gap-2">
                <input type="radio" name="tier" value={x} checked={tier === x} onChange={() => setTier(x)} className="mt-1 size-4" data-testid={`tier-${x}`} />
                <span>{t(x === "audience" ? "tierAudience" : "tierDelegate")}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="tier" value={tier} />
      )}
      {tier === "delegate" && <DelegateChoices forums={forums} eventZones={eventZones} homeZone={homeZone} v={v} list={list} err={err} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="preferredLanguage" label={t("preferredLanguage")} error={err("preferredLanguage")}>
          {(a) => (
            <select {...a} name="preferredLanguage" defaultValue={v("preferredLanguage")} className={inputClass}>
              {locales.map((l) => (
                <option key={l} value={l}>
                  {tl(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="timeZone" label={t("timeZone")} error={err("timeZone")}>
          {(a) => <TimeZoneSelect {...a} name="timeZone" initial={v("timeZone")} first={eventZones.map((z) => z.zone)} />}
        </Field>
      </div>
      <Field name="accessibilityNeeds" label={t("accessibility")} error={err("accessibilityNeeds")}>
        {(a) => <textarea {...a} name="accessibilityNeeds" rows={3} defaultValue={v("accessibilityNeeds")} className={inputClass} />}
      </Field>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="recordingConsent" defaultChecked={v("recordingConsent") === "on"} className="mt-1 size-4" />
        <span>{t("recordingConsent")}</span>
      </label>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}

/** What only a participant chooses: the role to take part in and the forums to attend. */
function DelegateChoices({
  forums,
  eventZones,
  homeZone,
  v,
  list,
  err,
}: Pick<Props, "forums" | "eventZones" | "homeZone"> & { v: (k: string) => string; list: (k: string) => string[]; err: (k: string) => string | undefined }) {
  const t = useTranslations("register");
  const tr = useTranslations("roles");
  return (
    <>
      <fieldset aria-describedby="role-hint">
        <legend className="text-sm font-medium text-slate-800">{t("role")}</legend>
        <p id="role-hint" className="text-xs text-slate-600">
          {t("roleHint")}
        </p>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["delegate", "speaker", "interpreter", "observer"] as const).map((r) => (
            <label key={r} className="flex items-center gap-2">
              <input type="radio" name="role" value={r} defaultChecked={(v("role") || "delegate") === r} className="size-4" />
              {tr(r)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset aria-describedby={err("forums") ? "forums-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("forums")}</legend>
        <ul className="mt-1 space-y-1">
          {forums.map((f) => (
            <li key={f.value}>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="forums" value={f.value} defaultChecked={list("forums").includes(f.value)} className="mt-1 size-4" />
                <span>
                  {f.label} <ForumWhen startsAt={f.startsAt} endsAt={f.endsAt} home={eventZones.find((z) => z.zone === homeZone)} />
                </span>
              </label>
            </li>
          ))}
        </ul>
        {err("forums") && (
          <p id="forums-error" role="alert" className="mt-1 text-sm text-red-800">
            {err("forums")}
          </p>
        )}
      </fieldset>
    </>
  );
}
