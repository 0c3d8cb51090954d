"use client";
// The session form: titles and abstract in three languages, kind, language, forum, time in a
// chosen zone, speakers. Conflicts are previewed while typing and enforced again on save.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { FormAlert, SubmitButton, inputClass } from "@/components/ui/field";
import { conflictsOf, rowOf, staleOf } from "@/lib/agenda/editor/result";
import { fieldErrorsOf, type ActionResult, type FormResult } from "@/lib/http/action-result";
import type { Conflict } from "@/lib/agenda/conflicts";
import type { DisplayZone } from "@/lib/agenda/types";
import type { SessionInput } from "@/lib/agenda/editor/schema";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import { useRouter } from "@/lib/i18n/navigation";
import { locales, type Locale } from "@/lib/i18n/routing";
import { ConflictList } from "./conflict-list";
import { LocalizedFields } from "./localized-fields";
import { SpeakersEditor, type OrgChoice, type PersonHit } from "./speakers-editor";
import { StaleNotice } from "./stale-notice";
import { TimeFields } from "./time-fields";

export interface ForumChoice {
  id: string;
  slug: string;
  title: LocalizedText;
}

interface Props {
  slug: string;
  target: { id: string; version: number } | null;
  initial: SessionInput;
  forums: ForumChoice[];
  organizations: OrgChoice[];
  homeZone: string;
  zones: DisplayZone[];
  save: (target: { id: string; version: number } | null, input: SessionInput) => Promise<ActionResult<{ id: string; version: number }>>;
  preview: (selfId: string | null, input: SessionInput) => Promise<ActionResult<Conflict[]>>;
  search: (q: string) => Promise<ActionResult<PersonHit[]>>;
}

export function SessionEditor({ slug, target: initialTarget, initial, forums, organizations, homeZone, zones, save, preview, search }: Props) {
  const t = useTranslations("editor");
  const tl = useTranslations("languages");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [input, setInput] = useState(initial);
  const [target, setTarget] = useState(initialTarget);
  const [result, setResult] = useState<FormResult<{ id: string; version: number }>>(null);
  const [previewed, setPreviewed] = useState<Conflict[]>([]);
  const [pending, startSaving] = useTransition();
  const set = (patch: Partial<SessionInput>) => setInput((v) => ({ ...v, ...patch }));
  const fieldError = (k: string) => (fieldErrorsOf(result)[k] ? t(`fieldErrors.${fieldErrorsOf(result)[k]}`) : undefined);

  // Ask the server about conflicts half a second after the last change.
  useEffect(() => {
    const timer = setTimeout(async () => {
      const r = await preview(target?.id ?? null, input);
      setPreviewed(r.ok ? r.data : []);
    }, 500);
    return () => clearTimeout(timer);
  }, [input, target, preview]);

  const submit = (from: { id: string; version: number } | null, values: SessionInput) =>
    startSaving(async () => {
      const r = await save(from, values);
      setResult(r);
      if (!r.ok) return;
      if (!from) router.push(`/organizer/events/${slug}/sessions/${r.data.id}?saved=1`);
      else {
        setTarget({ id: r.data.id, version: r.data.version });
        router.refresh();
      }
    });

  const stale = staleOf<SessionInput>(result);
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
      {result && !result.ok && !stale && result.error !== "conflicts" && <FormAlert message={t(`errors.${result.error}`, { row: (rowOf(result) ?? 0) + 1 })} />}
      {stale && target && (
        <StaleNotice
          mine={input}
          theirs={stale.current}
          labels={{
            title: t("session.title"),
            abstract: t("session.abstract"),
            kind: t("session.kind"),
            language: t("session.language"),
            forumId: t("session.forum"),
            startsAt: t("time.start"),
            endsAt: t("time.end"),
            speakers: t("speakers.legend"),
            key: t("session.key"),
          }}
          onTakeTheirs={() => {
            setInput(stale.current);
            setTarget({ id: target.id, version: stale.version });
            setResult(null);
          }}
          onKeepMine={() => submit({ id: target.id, version: stale.version }, input)}
        />
      )}
      <ConflictList conflicts={conflictsOf(result) ?? previewed} zone={homeZone} title={conflictsOf(result) ? t("conflicts.refused") : undefined} />

      <LocalizedFields name="title" label={t("session.title")} value={input.title} onChange={(title) => set({ title })} error={fieldError("title")} />
      <LocalizedFields name="abstract" label={t("session.abstract")} value={input.abstract} onChange={(abstract) => set({ abstract })} multiline />

      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="session-forum" className="block text-sm font-medium">
            {t("session.forum")}
          </label>
          <select id="session-forum" value={input.forumId} onChange={(e) => set({ forumId: e.target.value })} className={inputClass}>
            {forums.map((f) => (
              <option key={f.id} value={f.id}>
                {pickText(f.title, locale)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="session-kind" className="block text-sm font-medium">
            {t("session.kind")}
          </label>
          <select id="session-kind" value={input.kind} onChange={(e) => set({ kind: e.target.value as SessionInput["kind"] })} className={inputClass}>
            {(["opening", "talk", "panel", "discussion", "break", "closing"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="session-language" className="block text-sm font-medium">
            {t("session.language")}
          </label>
          <select id="session-language" value={input.language} onChange={(e) => set({ language: e.target.value as SessionInput["language"] })} className={inputClass}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <TimeFields
        value={{ zone: input.zone, startsAt: input.startsAt, endsAt: input.endsAt }}
        onChange={(v) => set(v)}
        homeZone={homeZone}
        zones={zones}
        errors={{ startsAt: fieldError("startsAt"), endsAt: fieldError("endsAt") }}
      />

      <SpeakersEditor
        speakers={input.speakers}
        onChange={(speakers) => set({ speakers })}
        organizations={organizations}
        search={search}
        errorIndex={rowOf(result)}
        photoEndpoint={`/api/organizer/events/${slug}/speaker-photos`}
      />

      <details>
        <summary className="cursor-pointer text-sm text-sky-900">{t("session.advanced")}</summary>
        <div className="mt-2 max-w-sm">
          <label htmlFor="session-key" className="block text-sm font-medium">
            {t("session.key")}
          </label>
          <input id="session-key" value={input.key} onChange={(e) => set({ key: e.target.value })} aria-describedby="session-key-hint" className={inputClass} />
          <p id="session-key-hint" className="mt-1 text-xs text-slate-600">
            {t("session.keyHint")}
          </p>
        </div>
      </details>

      <SubmitButton pending={pending}>{target ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}
