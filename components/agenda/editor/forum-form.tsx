"use client";
// A forum's slug, titles, description, time block and host organisations.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/field";
import { conflictsOf, staleOf } from "@/lib/agenda/editor/result";
import { fieldErrorsOf, type ActionResult, type FormResult } from "@/lib/http/action-result";
import type { DisplayZone } from "@/lib/agenda/types";
import type { ForumInput } from "@/lib/agenda/editor/schema";
import { pickText } from "@/lib/i18n/localized";
import { useRouter } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { ConflictList } from "./conflict-list";
import { LocalizedFields } from "./localized-fields";
import type { OrgChoice } from "./speakers-editor";
import { StaleNotice } from "./stale-notice";
import { TimeFields } from "./time-fields";

export function ForumForm({
  slug,
  target: initialTarget,
  initial,
  organizations,
  homeZone,
  zones,
  save,
}: {
  slug: string;
  target: { id: string; version: number } | null;
  initial: ForumInput;
  organizations: OrgChoice[];
  homeZone: string;
  zones: DisplayZone[];
  save: (target: { id: string; version: number } | null, input: ForumInput) => Promise<ActionResult<{ id: string; slug: string; version: number }>>;
}) {
  const t = useTranslations("editor");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [input, setInput] = useState(initial);
  const [target, setTarget] = useState(initialTarget);
  const [result, setResult] = useState<FormResult<{ id: string; slug: string; version: number }>>(null);
  const [pending, start] = useTransition();
  const set = (patch: Partial<ForumInput>) => setInput((v) => ({ ...v, ...patch }));
  const fieldError = (k: string) => (fieldErrorsOf(result)[k] ? t(`fieldErrors.${fieldErrorsOf(result)[k]}`) : undefined);
  const submit = (from: typeof target, values: ForumInput) =>
    start(async () => {
      const r = await save(from, values);
      setResult(r);
      if (!r.ok) return;
      setTarget({ id: r.data.id, version: r.data.version });
      if (!from || r.data.slug !== initial.slug) router.push(`/organizer/events/${slug}/agenda?saved=forum`);
      else router.refresh();
    });
  const stale = staleOf<ForumInput>(result);

  return (
    <form
      className="max-w-4xl space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(target, input);
      }}
    >
      {result?.ok && <FormAlert tone="info" message={t("saved")} />}
      {result && !result.ok && !stale && result.error !== "conflicts" && <FormAlert message={t(`errors.${result.error}`, { row: 1 })} />}
      {stale && target && (
        <StaleNotice
          mine={input}
          theirs={stale.current}
          labels={{ slug: t("forum.slug"), title: t("forum.title"), description: t("forum.description"), startsAt: t("time.start"), endsAt: t("time.end"), hosts: t("forum.hosts") }}
          onTakeTheirs={() => {
            setInput(stale.current);
            setTarget({ id: target.id, version: stale.version });
            setResult(null);
          }}
          onKeepMine={() => submit({ id: target.id, version: stale.version }, input)}
        />
      )}
      <ConflictList conflicts={conflictsOf(result) ?? []} zone={homeZone} title={t("conflicts.refused")} />
      <TextField name="slug" label={t("forum.slug")} hint={t("forum.slugHint")} value={input.slug} onChange={(e) => set({ slug: e.target.value })} error={fieldError("slug")} />
      <LocalizedFields name="title" label={t("forum.title")} value={input.title} onChange={(title) => set({ title })} error={fieldError("title")} />
      <LocalizedFields name="description" label={t("forum.description")} value={input.description} onChange={(description) => set({ description })} multiline />
      <TimeFields
        value={{ zone: input.zone, startsAt: input.startsAt, endsAt: input.endsAt }}
        onChange={(v) => set(v)}
        homeZone={homeZone}
        zones={zones}
        errors={{ startsAt: fieldError("startsAt"), endsAt: fieldError("endsAt") }}
      />
      <fieldset>
        <legend className="text-sm font-medium">{t("forum.hosts")}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {organizations.map((o) => (
            <label key={o.key} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4"
                checked={input.hosts.includes(o.key)}
                onChange={(e) => set({ hosts: e.target.checked ? [...input.hosts, o.key] : input.hosts.filter((h) => h !== o.key) })}
              />
              {pickText(o.name, locale)}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending}>{target ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
