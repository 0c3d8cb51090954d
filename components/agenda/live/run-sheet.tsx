"use client";
// The run sheet of one forum: what is live, what comes next, the buttons to move on, and the
// whole running order. Statuses come from the live stream, so a colleague's change on another
// screen (or app instance) shows here too. Each button is a plain form, so it works from the
// keyboard and without JavaScript.
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { LiveStatusBadge } from "@/components/agenda/live/live-status-badge";
import { TimeSpan } from "@/components/agenda/time-span";
import { useLiveStatuses } from "@/components/agenda/live/live-status-provider";
import { FormAlert } from "@/components/ui/field";
import type { LiveChanges } from "@/lib/agenda/live/actions";
import type { ActionResult, FormResult } from "@/lib/http/action-result";
import { currentAndNext, type LiveCommand } from "@/lib/agenda/live/control";
import type { SessionStatus } from "@/lib/agenda/types";

export interface RunSheetRow {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
}

/** A zone the sheet shows times in, with the forum's day there: a time on another day is marked. */
export interface SheetZone {
  zone: string;
  label: string;
  day: string;
}

/** A slot in every zone of the sheet, one line each. */
function Times({ row, zones }: { row: { startsAt: string | Date; endsAt: string }; zones: SheetZone[] }) {
  return (
    <>
      {zones.map((z) => (
        <span key={z.zone} className="block whitespace-nowrap">
          <TimeSpan start={new Date(row.startsAt)} end={new Date(row.endsAt)} zone={z.zone} reference={z.day} /> {z.label}
        </span>
      ))}
    </>
  );
}

type Action = (prev: FormResult<LiveChanges>, form: FormData) => Promise<ActionResult<LiveChanges>>;

const buttonTone = {
  primary: "bg-sky-900 text-white",
  danger: "bg-red-800 text-white",
  plain: "border border-sky-900 text-sky-900",
};

function CommandForm(props: {
  action: (form: FormData) => void;
  command: LiveCommand;
  sessionId?: string;
  expectedLiveId?: string | null;
  confirm?: string;
  label: string;
  ariaLabel?: string;
  pending: boolean;
  disabled?: boolean;
  tone: keyof typeof buttonTone;
}) {
  return (
    <form action={props.action}>
      <input type="hidden" name="command" value={props.command} />
      {props.sessionId && <input type="hidden" name="sessionId" value={props.sessionId} />}
      {props.command === "next" && <input type="hidden" name="expectedLiveId" value={props.expectedLiveId ?? ""} />}
      <button
        type="submit"
        disabled={props.pending || props.disabled}
        aria-busy={props.pending}
        aria-label={props.ariaLabel}
        onClick={(e) => props.confirm && !window.confirm(props.confirm) && e.preventDefault()}
        className={`rounded px-3 py-1.5 font-medium disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 ${buttonTone[props.tone]}`}
      >
        {props.label}
      </button>
    </form>
  );
}

function SessionCard({
  testId,
  heading,
  empty,
  row,
  zones,
  children,
}: {
  testId: string;
  heading: string;
  empty: string;
  row: { id: string; title: string; startsAt: string | Date; endsAt: string } | null;
  zones: SheetZone[];
  children?: ReactNode;
}) {
  return (
    <section aria-label={heading} className="space-y-2 rounded border border-slate-300 p-3" data-testid={testId} data-session-id={row?.id ?? ""}>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-700">{heading}</h2>
      {row ? (
        <>
          <p className="text-lg font-semibold">{row.title}</p>
          <p className="text-sm text-slate-700">
            <Times row={row} zones={zones} />
          </p>
        </>
      ) : (
        <p className="text-slate-700">{empty}</p>
      )}
      <div className="flex flex-wrap gap-2">{children}</div>
    </section>
  );
}

export function RunSheet({
  sessions,
  zones,
  action,
  shiftControl,
}: {
  sessions: RunSheetRow[];
  zones: SheetZone[];
  action: Action;
  /** Slot for the "shift the rest of this forum by N minutes" form (not built yet): shown under the current and next cards. */
  shiftControl?: ReactNode;
}) {
  const t = useTranslations("live.runSheet");
  const te = useTranslations("live.errors");
  const live = useLiveStatuses();
  const [state, formAction, pending] = useActionState<FormResult<LiveChanges>, FormData>(action, null);
  const rows = sessions.map((s) => ({ ...s, status: live.get(s.id) ?? s.status }));
  const { current, next } = currentAndNext(rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt) })));
  const title = (id: string) => rows.find((r) => r.id === id)?.title ?? "";
  const outcome = state?.ok && state.data.map((c) => t(c.to === "live" ? "nowLive" : "nowEnded", { title: title(c.sessionId) })).join(" ");
  const common = { action: formAction, pending };

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {state && !state.ok && <FormAlert message={te(state.error)} />}
        {outcome && <FormAlert tone="info" message={outcome} />}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <SessionCard testId="run-current" heading={t("current")} empty={t("noCurrent")} row={current} zones={zones}>
          {current && <CommandForm {...common} command="end" sessionId={current.id} label={t("end")} confirm={t("confirmEnd", { title: current.title })} tone="danger" />}
        </SessionCard>
        <SessionCard testId="run-next" heading={t("next")} empty={t("noNext")} row={next} zones={zones}>
          <CommandForm
            {...common}
            command="next"
            expectedLiveId={current?.id ?? null}
            disabled={!next}
            label={t("nextSession")}
            confirm={current && next ? t("confirmNext", { current: current.title, next: next.title }) : undefined}
            tone="primary"
          />
        </SessionCard>
      </div>
      {shiftControl}
      <section aria-labelledby="running-order" className="space-y-2">
        <h2 id="running-order" className="text-xl font-semibold">
          {t("runningOrder")}
        </h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-2">
                {t("time")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t("session")}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t("status")}
              </th>
              <th scope="col" className="py-1">
                {t("actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`border-b border-slate-200 ${r.status === "live" ? "bg-red-50" : ""}`} data-testid="run-row" data-session-id={r.id} data-status={r.status}>
                <td className="py-2 pr-2 align-top">
                  <Times row={r} zones={zones} />
                </td>
                <td className="py-2 pr-2 align-top font-medium">{r.title}</td>
                <td className="py-2 pr-2 align-top">
                  <LiveStatusBadge sessionId={r.id} initial={r.status} />
                </td>
                <td className="py-2 align-top">
                  {r.status === "scheduled" && (
                    <CommandForm
                      {...common}
                      command="start"
                      sessionId={r.id}
                      label={t("start")}
                      ariaLabel={t("startLabel", { title: r.title })}
                      confirm={current ? t("confirmSwitch", { title: r.title, current: current.title }) : undefined}
                      tone="plain"
                    />
                  )}
                  {r.status === "live" && (
                    <CommandForm
                      {...common}
                      command="end"
                      sessionId={r.id}
                      label={t("end")}
                      ariaLabel={t("endLabel", { title: r.title })}
                      confirm={t("confirmEnd", { title: r.title })}
                      tone="danger"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
