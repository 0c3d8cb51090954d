"use client";
// The event's own details: titles, description, venue, home zone, displayed zones, period, languages.
import { useTranslations } from "next-intl";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { useState, useTransition } from "react";
import { FormAlert, SubmitButton, inputClass } from "@/components/ui/field";
import { conflictsOf, staleOf } from "@/lib/agenda/editor/result";
import { fieldErrorsOf, type ActionResult, type FormResult } from "@/lib/http/action-result";
import type { EventInput } from "@/lib/agenda/editor/schema";
import { useRouter } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { ConflictList } from "./conflict-list";
import { LocalizedFields } from "./localized-fields";
import { StaleNotice } from "./stale-notice";
import { TimeFields } from "./time-fields";

const smallButton = "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700";

export function EventForm({ initial, save }: { initial: EventInput; save: (input: EventInput) => Promise<ActionResult<{ version: number }>> }) {
  const t = useTranslations("editor");
  const tl = useTranslations("languages");
  const router = useRouter();
  const [input, setInput] = useState(initial);
  const [result, setResult] = useState<FormResult<{ version: number }>>(null);
  const [pending, start] = useTransition();
  const set = (patch: Partial<EventInput>) => setInput((v) => ({ ...v, ...patch }));
  const fieldError = (k: string) => (fieldErrorsOf(result)[k] ? t(`fieldErrors.${fieldErrorsOf(result)[k]}`) : undefined);
  const zones = input.displayZones;
  const setZone = (i: number, patch: Partial<EventInput["displayZones"][number]>) => set({ displayZones: zones.map((z, j) => (j === i ? { ...z, ...patch } : z)) });
  const submit = (values: EventInput) =>
    start(async () => {
      const r = await save(values);
      setResult(r);
      if (r.ok) {
        setInput((v) => ({ ...v, version: r.data.version }));
        router.refresh();
      }
    });
  const stale = staleOf<EventInput>(result);

  return (
    <form
      className="max-w-4xl space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(input);
      }}
    >
      {result?.ok && <FormAlert tone="info" message={t("savedDraft")} />}
      {result && !result.ok && !stale && result.error !== "conflicts" && <FormAlert message={t(`errors.${result.error}`, { row: 1 })} />}
      {stale && (
        <StaleNotice
          mine={input}
          theirs={stale.current}
          labels={{
            title: t("event.title"),
            description: t("event.description"),
            venue: t("event.venue"),
            timeZone: t("event.timeZone"),
            displayZones: t("event.displayZones"),
            startsAt: t("time.start"),
            endsAt: t("time.end"),
            languages: t("event.languages"),
            version: "#",
          }}
          onTakeTheirs={() => {
            setInput(stale.current);
            setResult(null);
          }}
          onKeepMine={() => submit({ ...input, version: stale.version })}
        />
      )}
      <ConflictList conflicts={conflictsOf(result) ?? []} zone={input.timeZone} title={t("conflicts.refused")} />
      <LocalizedFields name="title" label={t("event.title")} value={input.title} onChange={(title) => set({ title })} error={fieldError("title")} />
      <LocalizedFields name="description" label={t("event.description")} value={input.description} onChange={(description) => set({ description })} multiline />
      <LocalizedFields name="venue" label={t("event.venue")} value={input.venue} onChange={(venue) => set({ venue })} />
      <div className="max-w-sm">
        <label htmlFor="event-zone" className="block text-sm font-medium">
          {t("event.timeZone")}
        </label>
        <TimeZoneSelect id="event-zone" value={input.timeZone} onChange={(zone) => set({ timeZone: zone })} first={zones.map((z) => z.zone)} />
      </div>
      <TimeFields
        value={{ zone: input.timeZone, startsAt: input.startsAt, endsAt: input.endsAt }}
        onChange={(v) => set({ startsAt: v.startsAt, endsAt: v.endsAt })}
        homeZone={input.timeZone}
        zones={zones}
        zoneLocked
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("event.displayZones")}</legend>
        <p className="text-xs text-slate-600">{t("event.displayZonesHint")}</p>
        {zones.map((z, i) => (
          <div key={i} className="space-y-2 rounded border border-slate-300 p-2" data-testid="display-zone">
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor={`dz-${i}-zone`} className="block text-xs text-slate-700">
                  {t("event.zone")}
                </label>
                <TimeZoneSelect id={`dz-${i}-zone`} value={z.zone} onChange={(zone) => setZone(i, { zone })} first={[input.timeZone]} />
              </div>
              <div className="w-24">
                <label htmlFor={`dz-${i}-abbr`} className="block text-xs text-slate-700">
                  {t("event.abbr")}
                </label>
                <input id={`dz-${i}-abbr`} value={z.abbr} onChange={(e) => setZone(i, { abbr: e.target.value })} className={inputClass} />
              </div>
              <button type="button" className={smallButton} onClick={() => set({ displayZones: zones.filter((_, j) => j !== i) })}>
                {t("event.removeZone")}
              </button>
            </div>
            <LocalizedFields name={`dz-${i}-label`} label={t("event.zoneLabel")} value={z.label} onChange={(label) => setZone(i, { label })} />
          </div>
        ))}
        <button type="button" className={smallButton} onClick={() => set({ displayZones: [...zones, { zone: input.timeZone, abbr: "", label: { ko: "", zh: "", en: "" } }] })}>
          {t("event.addZone")}
        </button>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("event.languages")}</legend>
        <div className="mt-1 flex gap-4">
          {locales.map((l) => (
            <label key={l} className="flex items-center gap-2">
              <input
                type="checkbox"
                className="size-4"
                checked={input.languages.includes(l)}
                onChange={(e) => set({ languages: e.target.checked ? [...input.languages, l] : input.languages.filter((x) => x !== l) })}
              />
              {tl(l)}
            </label>
          ))}
        </div>
        {fieldError("languages") && <p className="mt-1 text-sm text-red-800">{fieldError("languages")}</p>}
      </fieldset>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
