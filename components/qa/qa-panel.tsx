"use client";
// A session's Q&A, the same in the room's side panel and on the session page: the question being
// answered now, the form to ask (in a chosen language, optionally anonymous to other attendees),
// the list by votes or newest with one vote per person, and for organizers every question with
// its moderation (approve, dismiss, mark answered, pin as now answering, correct the text) and the
// event's settings (open or approve first; where questions asked as a session ends go). Questions are plain text, rendered as text.
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useListAction, type ListAction } from "./use-list-action";
import { locales, type Locale } from "@/lib/i18n/routing";
import { askQuestionAction, editQuestionAction, moderateQuestionAction, pinQuestionAction, setQaSettingsAction, voteQuestionAction, withdrawQuestionAction } from "@/lib/qa/actions";
import { mayPin, mayVote, moderate, QUESTION_MAX_LENGTH, sortQuestions, type ModerationCommand, type QaBoundary, type QuestionSort } from "@/lib/qa/rules";
import type { QuestionList, QuestionView } from "@/lib/qa/view";
import type { QuestionsState } from "./use-questions";

const button = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-50";

export function QaPanel({ qa, signInHref }: { qa: QuestionsState; signInHref?: string }) {
  const t = useTranslations("qa");
  const { list, refusal } = qa;
  if (refusal) {
    return (
      <p className="text-sm text-slate-700" data-testid="qa-refused">
        {t(`refused.${refusal}`)}
        {refusal === "signIn" && signInHref && (
          <>
            {" "}
            <a href={signInHref} className="text-sky-900 underline">
              {t("signIn")}
            </a>
          </>
        )}
      </p>
    );
  }
  if (!list) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  return <QaContent list={list} refresh={qa.refresh} />;
}

function QaContent({ list, refresh }: { list: QuestionList; refresh: () => Promise<void> }) {
  const t = useTranslations("qa");
  const action = useListAction("qa.errors", refresh);
  const [sort, setSort] = useState<QuestionSort>("votes");
  const organizer = list.viewer.organizer;
  const pinned = list.questions.find((q) => q.id === list.pinnedId) ?? null;
  const shown = sortQuestions(
    list.questions.filter((q) => q.id !== list.pinnedId),
    sort,
  );
  return (
    <div className="space-y-4" data-testid="qa">
      {pinned && (
        <section aria-labelledby="qa-now" className="rounded border-2 border-amber-400 bg-amber-50 p-3" data-testid="qa-pinned">
          <h3 id="qa-now" className="text-sm font-semibold text-amber-900">
            {t("nowAnswering")}
          </h3>
          <QuestionItem q={pinned} list={list} action={action} pinned />
        </section>
      )}
      {organizer && <QaSettingsForm list={list} action={action} />}
      {list.open ? <AskForm list={list} action={action} /> : <p className="text-sm text-slate-700">{t("closed")}</p>}
      {action.error && (
        <p role="alert" className="flex items-start gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="qa-error">
          <span>{action.error}</span>
          <button type="button" onClick={action.dismiss} className="ml-auto shrink-0 underline">
            {t("dismiss")}
          </button>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("sort.label")}>
        {(["votes", "newest"] as const).map((s) => (
          <button key={s} type="button" aria-pressed={sort === s} onClick={() => setSort(s)} className={`${button} aria-pressed:bg-slate-800 aria-pressed:text-white`} data-testid={`qa-sort-${s}`}>
            {t(`sort.${s}`)}
          </button>
        ))}
      </div>
      {shown.length ? (
        <ul className="space-y-3" aria-label={t(list.open ? "list" : "log")} data-testid="qa-list">
          {shown.map((q) => (
            <li key={q.id} className="rounded border border-slate-200 p-2" data-testid="qa-question" data-status={q.status}>
              <QuestionItem q={q} list={list} action={action} />
            </li>
          ))}
        </ul>
      ) : (
        !pinned && <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
    </div>
  );
}

type QaAction = ListAction;

function QaSettingsForm({ list, action }: { list: QuestionList; action: QaAction }) {
  const t = useTranslations("qa");
  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-2 text-sm" data-testid="qa-settings">
      <legend className="px-1 font-medium">{t("settings.legend")}</legend>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={list.moderation === "approve"}
          disabled={action.pending}
          onChange={(e) => action.run(() => setQaSettingsAction(list.eventSlug, { moderation: e.target.checked ? "approve" : "open" }))}
          data-testid="qa-approve-first"
        />
        <span>{t("approveFirst")}</span>
      </label>
      <label className="block">
        <span className="block">{t("settings.boundary")}</span>
        <select
          value={list.boundary}
          disabled={action.pending}
          onChange={(e) => action.run(() => setQaSettingsAction(list.eventSlug, { boundary: e.target.value as QaBoundary }))}
          className="mt-1 w-full rounded border border-slate-300 p-1"
          data-testid="qa-boundary"
        >
          <option value="stay">{t("settings.stay")}</option>
          <option value="next">{t("settings.next")}</option>
        </select>
      </label>
    </fieldset>
  );
}

function AskForm({ list, action }: { list: QuestionList; action: QaAction }) {
  const t = useTranslations("qa");
  const languageName = useTranslations("languages");
  const locale = useLocale() as Locale;
  const [body, setBody] = useState("");
  const [language, setLanguage] = useState<Locale>(locale);
  const [anonymous, setAnonymous] = useState(false);
  const [movedOn, setMovedOn] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    action.run(
      () => askQuestionAction(list.sessionId, { body, language, anonymous }),
      (asked) => {
        setBody("");
        setMovedOn(asked.sessionId !== list.sessionId);
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-2" data-testid="qa-ask">
      <label className="block text-sm font-medium" htmlFor={`qa-body-${list.sessionId}`}>
        {t("ask.label")}
      </label>
      <textarea
        id={`qa-body-${list.sessionId}`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={QUESTION_MAX_LENGTH}
        rows={3}
        required
        aria-describedby={`qa-count-${list.sessionId}`}
        className="w-full rounded border border-slate-300 p-2 text-sm"
        data-testid="qa-body"
      />
      <p id={`qa-count-${list.sessionId}`} className="text-right text-xs text-slate-600">
        {t("ask.count", { count: body.length, max: QUESTION_MAX_LENGTH })}
      </p>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">
          {t("ask.language")}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Locale)} className="rounded border border-slate-300 p-1" data-testid="qa-language">
            {locales.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="qa-anonymous" />
          {t("ask.anonymous")}
        </label>
      </div>
      {list.moderation === "approve" && !list.viewer.organizer && <p className="text-xs text-slate-600">{t("ask.approvalNote")}</p>}
      {movedOn && (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-950" data-testid="qa-moved-on">
          {t("ask.movedOn")}
        </p>
      )}
      <button type="submit" disabled={action.pending || !body.trim()} className="rounded bg-sky-800 px-3 py-1.5 text-sm text-white hover:bg-sky-900 disabled:opacity-50" data-testid="qa-submit">
        {t("ask.submit")}
      </button>
    </form>
  );
}

function QuestionItem({ q, list, action, pinned = false }: { q: QuestionView; list: QuestionList; action: QaAction; pinned?: boolean }) {
  const t = useTranslations("qa");
  const [editing, setEditing] = useState(false);
  const organizer = list.viewer.organizer;
  const moderateButton = (command: ModerationCommand) =>
    moderate(command, q.status) && (
      <button type="button" className={button} disabled={action.pending} onClick={() => action.run(() => moderateQuestionAction(list.eventSlug, q.id, command))} data-testid={`qa-${command}`}>
        {t(`moderate.${command}`)}
      </button>
    );
  return (
    <div className="space-y-1">
      {editing ? (
        <EditForm q={q} list={list} action={action} onDone={() => setEditing(false)} />
      ) : (
        <p lang={q.language} className="whitespace-pre-line break-words" data-testid="qa-text">
          {q.body}
        </p>
      )}
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600">
        <span data-testid="qa-asker">{q.asker ? q.asker.name : t("anonymous")}</span>
        {q.anonymous && q.asker && <span>({t(q.mine ? "anonymousMine" : "anonymousToOthers")})</span>}
        {q.status !== "approved" && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">{t(`status.${q.status}`)}</span>}
        {q.edited && <span>{t("edited")}</span>}
      </p>
      <div className="flex flex-wrap items-center gap-1.5">
        <button
          type="button"
          className={`${button} aria-pressed:border-sky-800 aria-pressed:bg-sky-50`}
          aria-pressed={q.voted}
          disabled={action.pending || !list.open || !mayVote(q.status)}
          onClick={() => action.run(() => voteQuestionAction(q.id, !q.voted))}
          aria-label={t(q.voted ? "unvote" : "vote", { count: q.votes })}
          data-testid="qa-vote"
        >
          ▲ <span data-testid="qa-votes">{q.votes}</span>
        </button>
        {q.mine && (q.status === "pending" || q.status === "approved") && (
          <button type="button" className={button} disabled={action.pending} onClick={() => action.run(() => withdrawQuestionAction(q.id))} data-testid="qa-withdraw">
            {t("withdraw")}
          </button>
        )}
        {organizer && (
          <>
            {moderateButton("approve")}
            {moderateButton("answer")}
            {moderateButton("dismiss")}
            {pinned ? (
              <button type="button" className={button} disabled={action.pending} onClick={() => action.run(() => pinQuestionAction(list.eventSlug, list.sessionId, null))} data-testid="qa-unpin">
                {t("moderate.unpin")}
              </button>
            ) : (
              mayPin(q.status) && (
                <button type="button" className={button} disabled={action.pending} onClick={() => action.run(() => pinQuestionAction(list.eventSlug, list.sessionId, q.id))} data-testid="qa-pin">
                  {t("moderate.pin")}
                </button>
              )
            )}
            {!editing && q.status !== "withdrawn" && (
              <button type="button" className={button} onClick={() => setEditing(true)} data-testid="qa-edit">
                {t("moderate.edit")}
              </button>
            )}
          </>
        )}
      </div>
      {organizer && q.history.length > 0 && (
        <details className="text-xs text-slate-600">
          <summary>{t("history")}</summary>
          <ol className="list-decimal pl-5">
            {q.history.map((h) => (
              <li key={h.editedAt} className="whitespace-pre-line break-words">
                {h.body}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function EditForm({ q, list, action, onDone }: { q: QuestionView; list: QuestionList; action: QaAction; onDone: () => void }) {
  const t = useTranslations("qa");
  const [body, setBody] = useState(q.body);
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        action.run(() => editQuestionAction(list.eventSlug, q.id, body), onDone);
      }}
    >
      <label className="sr-only" htmlFor={`qa-edit-${q.id}`}>
        {t("moderate.editLabel")}
      </label>
      <textarea
        id={`qa-edit-${q.id}`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={QUESTION_MAX_LENGTH}
        rows={3}
        className="w-full rounded border border-slate-300 p-2 text-sm"
        data-testid="qa-edit-body"
      />
      <div className="flex gap-1.5">
        <button type="submit" className={button} disabled={action.pending} data-testid="qa-edit-save">
          {t("moderate.save")}
        </button>
        <button type="button" className={button} onClick={onDone}>
          {t("moderate.cancel")}
        </button>
      </div>
    </form>
  );
}
