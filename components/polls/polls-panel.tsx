"use client";
// A session's polls, the same in the room's side panel and on the session page: each launched
// poll with its question and options in the viewer's language, one answer per person (changeable
// until it closes), a countdown when it has a timer, and the results as a bar chart — live for
// organizers, for everyone once revealed. Organizers launch, close, reveal and hide from here.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { BarChart } from "@/components/ui/bar-chart";
import { useListAction, type ListAction } from "@/components/qa/use-list-action";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { pollCommandAction, votePollAction } from "@/lib/polls/actions";
import { applyCommand, type PollCommand } from "@/lib/polls/rules";
import type { PollList, PollView } from "@/lib/polls/view";
import type { PollsState } from "./use-polls";

const button = "rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-50";

type PollAction = ListAction;

export function PollsPanel({ polls }: { polls: PollsState }) {
  const t = useTranslations("polls");
  const qa = useTranslations("qa");
  if (polls.refusal) return <p className="text-sm text-slate-700">{qa(`refused.${polls.refusal}`)}</p>;
  if (!polls.list) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  return <PollsContent list={polls.list} refresh={polls.refresh} />;
}

function PollsContent({ list, refresh }: { list: PollList; refresh: () => Promise<void> }) {
  const t = useTranslations("polls");
  const qa = useTranslations("qa");
  const action = useListAction("polls.errors", refresh);
  if (!list.polls.length) return <p className="text-sm text-slate-600">{t(list.viewer.organizer ? "empty" : "none")}</p>;
  return (
    <div className="space-y-4" data-testid="polls">
      {action.error && (
        <p role="alert" className="flex items-start gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="poll-error">
          <span>{action.error}</span>
          <button type="button" onClick={action.dismiss} className="ml-auto shrink-0 underline">
            {qa("dismiss")}
          </button>
        </p>
      )}
      <ul className="space-y-4">
        {list.polls.map((p) => (
          <li key={p.id} className="rounded border border-slate-200 p-3" data-testid="poll" data-status={p.status}>
            <PollItem poll={p} list={list} action={action} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Countdown({ closesAt, serverNow }: { closesAt: string; serverNow: string }) {
  const t = useTranslations("polls");
  // The browser's clock, shifted to the server's as it answered.
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  const seconds = Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 1000));
  return (
    <span className="tabular-nums" data-testid="poll-countdown">
      {t("closesIn", { seconds })}
    </span>
  );
}

function PollItem({ poll, list, action }: { poll: PollView; list: PollList; action: PollAction }) {
  const t = useTranslations("polls");
  const locale = useLocale() as Locale;
  const organizer = list.viewer.organizer;
  const [chosen, setChosen] = useState<string[]>(poll.mine);
  const name = `poll-${poll.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.run(() => votePollAction(poll.id, chosen));
  };
  const command = (c: PollCommand) =>
    applyCommand(c, poll) && (
      <button key={c} type="button" className={button} disabled={action.pending} onClick={() => action.run(() => pollCommandAction(list.eventSlug, poll.id, c))} data-testid={`poll-${c}`}>
        {t(`manage.${c}`)}
      </button>
    );
  const question = pickText(poll.question, locale);
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">{t(`status.${poll.status}`)}</span>
        {poll.closesAt && <Countdown closesAt={poll.closesAt} serverNow={list.serverNow} />}
        {organizer && poll.revealed && <span>{t("revealedNote")}</span>}
      </p>
      {poll.status === "open" ? (
        <form onSubmit={submit} className="space-y-2">
          <fieldset>
            <legend className="font-medium" data-testid="poll-question">
              {question}
            </legend>
            <p className="text-xs text-slate-600">{t(poll.multiple ? "multiple" : "single")}</p>
            <div className="mt-1 space-y-1">
              {poll.options.map((o) => (
                <label key={o.id} className="flex items-center gap-2 text-sm">
                  <input
                    type={poll.multiple ? "checkbox" : "radio"}
                    name={name}
                    value={o.id}
                    checked={chosen.includes(o.id)}
                    onChange={(e) => setChosen((c) => (poll.multiple ? (e.target.checked ? [...c, o.id] : c.filter((x) => x !== o.id)) : [o.id]))}
                    data-testid="poll-option"
                  />
                  {pickText(o.label, locale)}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" disabled={action.pending || !chosen.length} className="rounded bg-sky-800 px-3 py-1.5 text-sm text-white hover:bg-sky-900 disabled:opacity-50" data-testid="poll-vote">
            {t(poll.mine.length ? "change" : "vote")}
          </button>
          {poll.mine.length > 0 && (
            <p role="status" className="text-xs text-slate-700" data-testid="poll-voted">
              {t("voted")}
            </p>
          )}
        </form>
      ) : (
        <p className="font-medium" data-testid="poll-question">
          {question}
        </p>
      )}
      {poll.results ? (
        <BarChart
          caption={`${t("results")} · ${t("votes", { count: poll.results.voters })}`}
          bars={poll.options.map((o) => ({ key: o.id, label: pickText(o.label, locale), count: poll.results!.counts.find((c) => c.optionId === o.id)?.count ?? 0 }))}
          testId="poll-results"
        />
      ) : (
        poll.status !== "draft" && <p className="text-xs text-slate-600">{t("resultsHidden")}</p>
      )}
      {organizer && <div className="flex flex-wrap gap-1.5">{(["open", "close", "reveal", "hide"] as const).map(command)}</div>}
    </div>
  );
}
