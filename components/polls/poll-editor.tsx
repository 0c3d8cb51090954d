"use client";
// The polls of a session in the agenda editor: organizers prepare them before the session
// (question and options in ko/zh/en, single or multiple choice, an optional timer), edit or delete
// them while they are drafts, and find launched ones here afterwards with their results. Polls
// are launched, closed and revealed from the room's Polls tab.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { LocalizedFields } from "@/components/agenda/editor/localized-fields";
import { BarChart } from "@/components/ui/bar-chart";
import { inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { deletePollAction, editorPollsAction, savePollAction } from "@/lib/polls/actions";
import { POLL_MAX_OPTIONS } from "@/lib/polls/rules";
import type { PollView } from "@/lib/polls/view";

const blank = (): LocalizedText => ({ ko: "", zh: "", en: "" });
const button = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-50";

interface Draft {
  id: string | null;
  question: LocalizedText;
  options: LocalizedText[];
  multiple: boolean;
  timer: string;
}

const draftOf = (p: PollView | null): Draft =>
  p
    ? { id: p.id, question: p.question, options: p.options.map((o) => o.label), multiple: p.multiple, timer: p.timerSeconds == null ? "" : String(p.timerSeconds) }
    : { id: null, question: blank(), options: [blank(), blank()], multiple: false, timer: "" };

export function PollEditor({ slug, sessionId, initial }: { slug: string; sessionId: string; initial: PollView[] }) {
  const t = useTranslations("polls");
  const te = useTranslations("polls.errors");
  const locale = useLocale() as Locale;
  const [polls, setPolls] = useState(initial);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    start(async () => {
      const outcome = await action();
      setError(outcome.ok ? null : te.has(outcome.error) ? te(outcome.error) : te("unknown"));
      if (!outcome.ok) return;
      after?.();
      const fresh = await editorPollsAction(slug, sessionId);
      if (fresh.ok) setPolls(fresh.data);
    });
  const save = () => {
    if (!draft) return;
    const timer = draft.timer.trim() ? Number(draft.timer) : null;
    run(
      () => savePollAction(slug, sessionId, draft.id, { question: draft.question, options: draft.options, multiple: draft.multiple, timerSeconds: timer }),
      () => {
        setDraft(null);
        setNotice(t("editor.saved"));
      },
    );
  };
  return (
    <section aria-labelledby="session-polls-editor" className="space-y-3" data-testid="poll-editor">
      <h2 id="session-polls-editor" className="text-xl font-semibold">
        {t("editor.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("editor.intro")}</p>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="poll-editor-error">
          {error}
        </p>
      )}
      {notice && !error && (
        <p role="status" className="text-sm text-green-800">
          {notice}
        </p>
      )}
      {polls.length ? (
        <ul className="space-y-3">
          {polls.map((p) => (
            <li key={p.id} className="rounded border border-slate-200 p-3" data-testid="editor-poll">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{pickText(p.question, locale)}</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t(`status.${p.status}`)}</span>
              </p>
              {p.status === "draft" ? (
                <>
                  <ul className="list-disc pl-5 text-sm">
                    {p.options.map((o) => (
                      <li key={o.id}>{pickText(o.label, locale)}</li>
                    ))}
                  </ul>
                  <div className="mt-2 flex gap-1.5">
                    <button type="button" className={button} disabled={pending} onClick={() => setDraft(draftOf(p))}>
                      {t("manage.edit")}
                    </button>
                    <button type="button" className={button} disabled={pending} onClick={() => window.confirm(t("manage.confirmDelete")) && run(() => deletePollAction(slug, p.id))}>
                      {t("manage.delete")}
                    </button>
                  </div>
                </>
              ) : (
                p.results && (
                  <BarChart
                    caption={`${t("results")} · ${t("votes", { count: p.results.voters })}`}
                    bars={p.options.map((o) => ({ key: o.id, label: pickText(o.label, locale), count: p.results!.counts.find((c) => c.optionId === o.id)?.count ?? 0 }))}
                  />
                )
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("editor.noneYet")}</p>
      )}
      {draft ? (
        <form
          className="space-y-3 rounded border border-slate-300 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          data-testid="poll-form"
        >
          <LocalizedFields name="poll-question" label={t("editor.question")} value={draft.question} onChange={(question) => setDraft({ ...draft, question })} />
          {draft.options.map((o, i) => (
            <div key={i} className="space-y-1">
              <LocalizedFields
                name={`poll-option-${i + 1}`}
                label={t("editor.option", { n: i + 1 })}
                value={o}
                onChange={(v) => setDraft({ ...draft, options: draft.options.map((x, j) => (j === i ? v : x)) })}
              />
              {draft.options.length > 2 && (
                <button type="button" className={button} onClick={() => setDraft({ ...draft, options: draft.options.filter((_, j) => j !== i) })}>
                  {t("editor.removeOption", { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          {draft.options.length < POLL_MAX_OPTIONS && (
            <button type="button" className={button} onClick={() => setDraft({ ...draft, options: [...draft.options, blank()] })} data-testid="poll-add-option">
              {t("editor.addOption")}
            </button>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.multiple} onChange={(e) => setDraft({ ...draft, multiple: e.target.checked })} />
            {t("editor.multiple")}
          </label>
          <label className="block text-sm">
            {t("editor.timer")}
            <input
              type="number"
              min={10}
              max={3600}
              inputMode="numeric"
              value={draft.timer}
              onChange={(e) => setDraft({ ...draft, timer: e.target.value })}
              className={`${inputClass} mt-1 max-w-40`}
            />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-sky-800 px-3 py-1.5 text-sm text-white hover:bg-sky-900 disabled:opacity-50" data-testid="poll-save">
              {t("editor.save")}
            </button>
            <button type="button" className={button} onClick={() => setDraft(null)}>
              {t("editor.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className={button} onClick={() => setDraft(draftOf(null))} data-testid="poll-add">
          {t("editor.add")}
        </button>
      )}
    </section>
  );
}
