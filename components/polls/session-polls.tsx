"use client";
// The session page's polls, beside its Q&A.
import { useTranslations } from "next-intl";
import { PollsPanel } from "./polls-panel";
import { usePolls } from "./use-polls";

export function SessionPolls({ sessionId, eventSlug }: { sessionId: string; eventSlug: string | null }) {
  const t = useTranslations("polls");
  const polls = usePolls(sessionId, eventSlug);
  return (
    <section aria-labelledby="session-polls" className="space-y-2" data-testid="session-polls">
      <h2 id="session-polls" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <PollsPanel polls={polls} />
    </section>
  );
}
