"use client";
// Who goes to which breakout room: how people join (assigned, or they choose), a whole split by
// organisation pairs or at random, and each person's room by hand (interpreters too, where their
// language is needed).
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { BreakoutBoard } from "@/lib/breakouts/data";
import { assignAllAction, assignPersonAction, setBreakoutModeAction } from "@/lib/breakouts/actions";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { BreakoutAction } from "./use-breakout-action";

export function AssignList({ board, action, onChange, locked }: { board: BreakoutBoard; action: BreakoutAction; onChange: () => void; locked: boolean }) {
  const t = useTranslations("breakouts.assign");
  const tr = useTranslations("roles");
  const locale = useLocale() as Locale;
  const [placed, setPlaced] = useState<number | null>(null);
  const id = useId();
  const split = (strategy: "pairs" | "random") =>
    action.run(
      () => assignAllAction(board.forumId, strategy),
      (n) => (setPlaced(n), onChange()),
    );
  return (
    <section aria-labelledby={`${id}-h`} className="space-y-2">
      <h3 id={`${id}-h`} className="font-semibold">
        {t("heading")}
      </h3>
      <fieldset className="flex flex-wrap gap-4" disabled={locked || action.pending}>
        <legend className="text-sm">{t("mode")}</legend>
        {(["assigned", "choose"] as const).map((mode) => (
          <label key={mode} className="flex items-center gap-1">
            <input type="radio" name={`${id}-mode`} checked={board.run.mode === mode} onChange={() => action.run(() => setBreakoutModeAction(board.forumId, mode), onChange)} />
            {t(mode)}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={locked || action.pending || board.rooms.length === 0}
          onClick={() => split("pairs")}
          className="rounded border border-sky-800 px-3 py-1.5 text-sky-900 disabled:opacity-50"
          data-testid="breakout-assign-pairs"
        >
          {t("pairs")}
        </button>
        <button
          type="button"
          disabled={locked || action.pending || board.rooms.length === 0}
          onClick={() => split("random")}
          className="rounded border border-sky-800 px-3 py-1.5 text-sky-900 disabled:opacity-50"
          data-testid="breakout-assign-random"
        >
          {t("random")}
        </button>
      </div>
      {placed !== null && <p role="status">{t("done", { count: placed })}</p>}
      {board.people.length === 0 ? (
        <p>{t("nobody")}</p>
      ) : (
        // Closed at first: a forum has dozens of people, and the run sheet's running order follows.
        <details data-testid="breakout-people-list">
          <summary className="cursor-pointer py-1 font-medium">{t("perPerson", { count: board.people.length })}</summary>
          <ul className="divide-y divide-slate-200" data-testid="breakout-people">
            {board.people.map((p) => (
              <li key={p.userId} className="flex flex-wrap items-center gap-2 py-1" data-testid="breakout-person" data-user={p.userId}>
                <span className="min-w-0 flex-1">
                  {p.name}{" "}
                  <span className="text-sm text-slate-700">
                    · {tr(p.role)}
                    {p.organization ? ` · ${pickText(p.organization.name, locale)}` : ""}
                  </span>
                </span>
                <select
                  aria-label={t("person", { name: p.name })}
                  value={p.breakoutId ?? ""}
                  disabled={action.pending}
                  onChange={(e) => action.run(() => assignPersonAction(board.forumId, p.userId, e.target.value || null), onChange)}
                  className="rounded border border-slate-400 px-2 py-1"
                >
                  <option value="">{t("unassigned")}</option>
                  {board.rooms.map((r) => (
                    <option key={r.id} value={r.id}>
                      {pickText(r.title, locale)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
