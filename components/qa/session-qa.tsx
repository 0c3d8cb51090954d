"use client";
// The session page's Q&A (and, beside it, its polls): the page is the same for every visitor, so
// what this visitor may see is read from the browser — questions while the session runs, the log
// of what was asked once it is over.
import { useLocale, useTranslations } from "next-intl";
import { SessionPolls } from "@/components/polls/session-polls";
import { QaPanel } from "./qa-panel";
import { useQuestions } from "./use-questions";

export function SessionQa({ sessionId }: { sessionId: string }) {
  const t = useTranslations("qa");
  const locale = useLocale();
  const questions = useQuestions(sessionId);
  const signInHref = `/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/sessions/${sessionId}`)}`;
  return (
    <div className="grid gap-6 print:hidden lg:grid-cols-2">
      <section aria-labelledby="session-qa" className="space-y-2" data-testid="session-qa">
        <h2 id="session-qa" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <QaPanel qa={questions} signInHref={signInHref} />
      </section>
      <SessionPolls sessionId={sessionId} eventSlug={questions.list?.eventSlug ?? null} />
    </div>
  );
}
