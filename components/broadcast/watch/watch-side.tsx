"use client";
// Beside the player: the session's Q&A and polls as tabs (as in the room's side panel) for a
// viewer who may take part; for anyone else, the question being answered now.
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { PollsPanel } from "@/components/polls/polls-panel";
import { usePolls } from "@/components/polls/use-polls";
import { PinnedQuestion, usePinnedQuestion } from "@/components/qa/pinned-question";
import { QaPanel } from "@/components/qa/qa-panel";
import { useQuestions } from "@/components/qa/use-questions";

const TABS = ["qa", "polls"] as const;
type Tab = (typeof TABS)[number];

export function WatchSide({ sessionId, eventSlug, canTakePart }: { sessionId: string | null; eventSlug: string; canTakePart: boolean }) {
  if (!sessionId) return null;
  // A new session on stage starts its own lists (and its own tab state).
  return canTakePart ? <SessionTabs key={sessionId} sessionId={sessionId} /> : <ReadOnlyPinned eventSlug={eventSlug} sessionId={sessionId} />;
}

function ReadOnlyPinned({ eventSlug, sessionId }: { eventSlug: string; sessionId: string }) {
  const pinned = usePinnedQuestion(eventSlug, sessionId);
  return (
    <div data-testid="watch-pinned">
      <PinnedQuestion question={pinned} />
    </div>
  );
}

function SessionTabs({ sessionId }: { sessionId: string }) {
  const t = useTranslations("watch");
  const id = useId();
  const [tab, setTab] = useState<Tab>("qa");
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const questions = useQuestions(sessionId);
  const polls = usePolls(sessionId, questions.list?.eventSlug ?? null);

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation).
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length];
    setTab(next);
    buttons.current[TABS.indexOf(next)]?.focus();
  };
  return (
    <section aria-label={t("takePart")} className="min-w-0 rounded border border-slate-200" data-testid="watch-side">
      <div role="tablist" aria-label={t("takePart")} className="flex border-b border-slate-200" onKeyDown={onKeyDown}>
        {TABS.map((name, i) => (
          <button
            key={name}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            className="flex-1 px-3 py-2 text-sm font-semibold aria-selected:border-b-2 aria-selected:border-sky-800 aria-selected:text-sky-900 focus-visible:outline-2 focus-visible:outline-sky-700"
            data-testid={`watch-tab-${name}`}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-qa`} aria-labelledby={`${id}-qa-tab`} hidden={tab !== "qa"} className="p-3">
        <QaPanel qa={questions} />
      </div>
      <div role="tabpanel" id={`${id}-polls`} aria-labelledby={`${id}-polls-tab`} hidden={tab !== "polls"} className="p-3">
        <PollsPanel polls={polls} />
      </div>
    </section>
  );
}
