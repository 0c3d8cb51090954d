"use client";
// The question being answered now, over the stage for everyone in the room.
import { useTranslations } from "next-intl";
import type { QuestionList } from "@/lib/qa/view";

export function PinnedQuestion({ list }: { list: QuestionList | null }) {
  const t = useTranslations("qa");
  const q = list?.questions.find((x) => x.id === list.pinnedId);
  if (!q) return null;
  return (
    <div role="status" className="max-w-2xl rounded-lg bg-slate-950/85 px-4 py-2 text-white shadow" data-testid="stage-pinned-question">
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-300">{t("nowAnswering")}</p>
      <p lang={q.language} className="whitespace-pre-line break-words">
        {q.body}
      </p>
      <p className="text-xs text-slate-300">{q.asker ? q.asker.name : t("anonymous")}</p>
    </div>
  );
}
