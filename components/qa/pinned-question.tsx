"use client";
// The question being answered now, over the stage: in the room, and large in the recording's
// layout. The asker is named only when they did not ask anonymously, whoever looks (an organizer's
// screen may be shared, and a recording is watched by anyone).
import { useTranslations } from "next-intl";
import type { PinnedView, QuestionList } from "@/lib/qa/view";
import { useQaLive } from "./use-qa-live";
import { useSessionList } from "./use-session-list";

/** The pinned question of a viewer's list, as everyone may see it. */
export function pinnedOf(list: QuestionList | null): PinnedView | null {
  const q = list?.questions.find((x) => x.id === list.pinnedId);
  return q ? { id: q.id, body: q.body, language: q.language, asker: q.anonymous || !q.asker ? null : { name: q.asker.name } } : null;
}

/** The pinned question of a session for pages without an account (the recording's layout), kept
 * current by the event's live stream. */
export function usePinnedQuestion(eventSlug: string, sessionId: string | null): PinnedView | null {
  const { list, refresh } = useSessionList<{ pinned: PinnedView | null }>(sessionId ? `/api/sessions/${encodeURIComponent(sessionId)}/questions/pinned` : null);
  useQaLive(sessionId ? eventSlug : null, sessionId ?? "", "questions", refresh);
  return sessionId ? (list?.pinned ?? null) : null;
}

export function PinnedQuestion({ question, large = false }: { question: PinnedView | null; large?: boolean }) {
  const t = useTranslations("qa");
  if (!question) return null;
  return (
    <div role="status" className={`rounded-lg bg-slate-950/85 text-white shadow ${large ? "max-w-[70%] px-6 py-4" : "max-w-2xl px-4 py-2"}`} data-testid="stage-pinned-question">
      <p className={`font-semibold uppercase tracking-wide text-amber-300 ${large ? "text-base" : "text-xs"}`}>{t("nowAnswering")}</p>
      <p lang={question.language} className={`whitespace-pre-line break-words ${large ? "text-2xl" : ""}`}>
        {question.body}
      </p>
      <p className={large ? "text-base text-slate-300" : "text-xs text-slate-300"}>{question.asker ? question.asker.name : t("anonymous")}</p>
    </div>
  );
}
