"use client";
// The run of a forum's breakout rooms, for organizers (the run sheet's box and the room's panel):
// where it stands, with the countdown on the server's clock; open or close all rooms after 10, 30
// or 60 seconds; a message to every room.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useNow } from "@/components/room/use-now";
import type { BreakoutRunView } from "@/lib/breakouts/data";
import { closeBreakoutsAction, messageBreakoutsAction, openBreakoutsAction } from "@/lib/breakouts/actions";
import { COUNTDOWN_SECONDS, runPhase } from "@/lib/rooms/breakouts";
import type { BreakoutAction } from "./use-breakout-action";

function toState(run: BreakoutRunView) {
  return { mode: run.mode, status: run.status, opensAt: run.opensAt ? new Date(run.opensAt) : null, closesAt: run.closesAt ? new Date(run.closesAt) : null };
}

/** Seconds left until `iso` on the server's clock (never below zero). */
export function secondsUntil(iso: string | null, now: number): number {
  return iso ? Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000)) : 0;
}

export function RunStatus({ run }: { run: BreakoutRunView }) {
  const t = useTranslations("breakouts.status");
  const now = useNow();
  const phase = runPhase(toState(run), new Date(now));
  const seconds = secondsUntil(phase === "opening" ? run.opensAt : run.closesAt, now);
  return (
    <p role="status" data-testid="breakout-status" data-phase={phase}>
      {t(phase, { seconds })}
    </p>
  );
}

export function RunControls({ forumId, run, action, onChange }: { forumId: string; run: BreakoutRunView; action: BreakoutAction; onChange: () => void }) {
  const t = useTranslations("breakouts.run");
  const now = useNow();
  const phase = runPhase(toState(run), new Date(now));
  const [seconds, setSeconds] = useState<number>(COUNTDOWN_SECONDS[0]);
  const [text, setText] = useState("");
  const [sent, setSent] = useState(false);
  const ids = { countdown: useId(), message: useId() };
  const running = phase === "open" || phase === "closing";
  return (
    <div className="space-y-3">
      <RunStatus run={run} />
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={ids.countdown} className="flex flex-col text-sm">
          {t("countdown")}
          <select id={ids.countdown} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} className="rounded border border-slate-400 px-2 py-1.5" data-testid="breakout-countdown">
            {COUNTDOWN_SECONDS.map((s) => (
              <option key={s} value={s}>
                {t("seconds", { seconds: s })}
              </option>
            ))}
          </select>
        </label>
        {phase === "closed" ? (
          <button
            type="button"
            disabled={action.pending}
            onClick={() => action.run(() => openBreakoutsAction(forumId, seconds), onChange)}
            className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white disabled:opacity-50"
            data-testid="breakouts-open"
          >
            {t("open")}
          </button>
        ) : (
          <button
            type="button"
            disabled={action.pending || phase === "closing"}
            onClick={() => action.run(() => closeBreakoutsAction(forumId, seconds), onChange)}
            className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white disabled:opacity-50"
            data-testid="breakouts-close"
          >
            {t("close")}
          </button>
        )}
      </div>
      {running && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            action.run(
              () => messageBreakoutsAction(forumId, text),
              () => {
                setText("");
                setSent(true);
              },
            );
          }}
        >
          <label htmlFor={ids.message} className="flex min-w-0 flex-1 flex-col text-sm">
            {t("message")}
            <input
              id={ids.message}
              value={text}
              maxLength={500}
              required
              onChange={(e) => (setText(e.target.value), setSent(false))}
              className="rounded border border-slate-400 px-2 py-1.5"
              data-testid="breakout-message"
            />
          </label>
          <button
            type="submit"
            disabled={action.pending || !text.trim()}
            className="rounded border border-sky-800 px-3 py-1.5 font-medium text-sky-900 disabled:opacity-50"
            data-testid="breakout-message-send"
          >
            {t("send")}
          </button>
          {sent && (
            <p role="status" className="w-full text-sm text-slate-700">
              {t("sent")}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

export function BreakoutError({ action }: { action: BreakoutAction }) {
  if (!action.error) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="breakout-error">
      {action.error}
    </p>
  );
}
