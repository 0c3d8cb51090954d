"use client";
// The organizers' breakout tools inside the live room (in the People panel): where the run stands,
// open or close all rooms with a countdown, message them, and visit any room (or return).
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { BreakoutError, RunControls } from "@/components/breakouts/run-controls";
import { useBreakoutAction } from "@/components/breakouts/use-breakout-action";
import { breakoutBoardOfSessionAction } from "@/lib/breakouts/actions";
import type { BreakoutBoard } from "@/lib/breakouts/data";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { useRoomInfo } from "../room-info";

export function BreakoutPanel({ breakout, onVisit, onStage }: { breakout: string | null; onVisit: (id: string) => void; onStage: () => void }) {
  const t = useTranslations("breakouts");
  const locale = useLocale() as Locale;
  const { sessionId } = useRoomInfo();
  const [board, setBoard] = useState<BreakoutBoard | null>(null);
  const action = useBreakoutAction();
  const reload = useCallback(() => {
    void breakoutBoardOfSessionAction(sessionId).then(
      (r) => r.ok && setBoard(r.data),
      () => {},
    );
  }, [sessionId]);
  useEffect(reload, [reload]);
  if (!board || board.rooms.length === 0) return null;
  const sizes = new Map<string, number>();
  for (const p of board.people) if (p.breakoutId) sizes.set(p.breakoutId, (sizes.get(p.breakoutId) ?? 0) + 1);
  return (
    <section aria-labelledby="breakout-panel-title" className="space-y-2 rounded border border-slate-300 p-2" data-testid="breakout-panel">
      <h3 id="breakout-panel-title" className="font-semibold">
        {t("title")}
      </h3>
      <RunControls forumId={board.forumId} run={board.run} action={action} onChange={reload} />
      <BreakoutError action={action} />
      <ul className="space-y-1">
        {board.rooms.map((r) => {
          const title = pickText(r.title, locale);
          return (
            <li key={r.id} className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate">
                {title} <span className="text-sm text-slate-700">· {t("rooms.people", { count: sizes.get(r.id) ?? 0 })}</span>
              </span>
              {breakout !== r.id && board.run.status !== "closed" && (
                <button
                  type="button"
                  onClick={() => onVisit(r.id)}
                  aria-label={t("run.visitLabel", { room: title })}
                  className="rounded border border-sky-800 px-2 py-0.5 text-sm text-sky-900"
                  data-testid="breakout-visit"
                >
                  {t("run.visit")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {breakout && (
        <button type="button" onClick={onStage} className="rounded border border-slate-400 px-3 py-1 text-sm">
          {t("participant.return")}
        </button>
      )}
    </section>
  );
}
