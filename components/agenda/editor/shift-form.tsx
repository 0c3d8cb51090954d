"use client";
// "Shift the rest of this forum by N minutes" — for a delay on the day; publishes at once by default.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormAlert, inputClass } from "@/components/ui/field";
import { conflictsOf } from "@/lib/agenda/editor/result";
import { fieldErrorsOf, type ActionResult, type FormResult } from "@/lib/http/action-result";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import { useRouter } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatClock } from "@/lib/time/zones";
import { ConflictList } from "./conflict-list";

export function ShiftForm({
  forumId,
  sessions,
  zone,
  publishByDefault = true,
  shift,
}: {
  forumId: string;
  sessions: { id: string; title: LocalizedText; startsAt: string; status: string }[];
  zone: string;
  publishByDefault?: boolean;
  shift: (input: { forumId: string; fromSessionId: string; minutes: number; publish: boolean }) => Promise<ActionResult<{ moved: number; published: number | null }>>;
}) {
  const t = useTranslations("editor.shift");
  const te = useTranslations("editor");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const movable = sessions.filter((s) => s.status !== "ended");
  const [from, setFrom] = useState(movable[0]?.id ?? "");
  const [minutes, setMinutes] = useState("10");
  const [publish, setPublish] = useState(publishByDefault);
  const [result, setResult] = useState<FormResult<{ moved: number; published: number | null }>>(null);
  const [pending, start] = useTransition();
  const id = `shift-${forumId}`;
  if (!movable.length) return null;
  return (
    <form
      className="space-y-2 rounded border border-slate-300 p-3"
      aria-labelledby={`${id}-title`}
      data-testid="shift-form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await shift({ forumId, fromSessionId: from, minutes: Number(minutes), publish });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <h3 id={`${id}-title`} className="font-medium">
        {t("title")}
      </h3>
      {result?.ok && <FormAlert tone="info" message={t(result.data.published ? "doneAndPublished" : "done", { count: result.data.moved })} />}
      {result && !result.ok && result.error !== "conflicts" && <FormAlert message={te(`errors.${result.error}`, { row: 1 })} />}
      {fieldErrorsOf(result).minutes && <FormAlert message={te(`fieldErrors.${fieldErrorsOf(result).minutes}`)} />}
      <ConflictList conflicts={conflictsOf(result) ?? []} zone={zone} title={te("conflicts.refused")} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor={`${id}-from`} className="block text-xs text-slate-700">
            {t("from")}
          </label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} className={inputClass}>
            {movable.map((s) => (
              <option key={s.id} value={s.id}>
                {formatClock(new Date(s.startsAt), zone)} {pickText(s.title, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="w-28">
          <label htmlFor={`${id}-minutes`} className="block text-xs text-slate-700">
            {t("minutes")}
          </label>
          <input id={`${id}-minutes`} type="number" step={5} min={-240} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} className={inputClass} aria-describedby={`${id}-hint`} />
        </div>
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" className="size-4" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t("publish")}
        </label>
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="rounded bg-sky-900 px-3 py-2 text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        >
          {t("submit")}
        </button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("hint")}
      </p>
    </form>
  );
}
