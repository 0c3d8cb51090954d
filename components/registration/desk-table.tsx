"use client";
// The desk's table and its one form: tick rows and apply an action to all of them, or use a
// row's own buttons. The result (how many changed, how many the capacity refused) is announced and
// the ticks are cleared, so nothing stale stays selected. Columns keep Korean and Chinese words
// whole (no one-character lines). A role or organisation a registrant asked for shows as
// "requested" until an organizer grants or turns it down.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionResult, FormResult } from "@/lib/http/action-result";
import type { DeskOutcome } from "@/lib/registration/actions";
import { FormAlert, inputClass } from "@/components/ui/field";

export interface DeskRow {
  id: string;
  name: string;
  email: string;
  organization: string;
  requestedOrganization: string | null;
  country: string;
  role: string;
  requestedRole: string | null;
  status: string;
  forums: string;
  registeredAt: string;
}

export function DeskTable({ rows, action, headers }: { rows: DeskRow[]; action: (prev: FormResult<DeskOutcome>, form: FormData) => Promise<ActionResult<DeskOutcome>>; headers: React.ReactNode }) {
  const t = useTranslations("desk");
  const te = useTranslations("errors");
  const ts = useTranslations("registrationStatuses");
  const tr = useTranslations("roles");
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [state, formAction, pending] = useActionState<FormResult<DeskOutcome>, FormData>(async (prev, form) => {
    const next = await action(prev, form);
    if (next.ok) setTicked(new Set());
    return next;
  }, null);
  const toggle = (id: string) => setTicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const all = ticked.size === rows.length && rows.length > 0;
  const rowButton = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700";
  return (
    <form action={formAction} className="space-y-3">
      <div aria-live="polite">{state?.ok && <FormAlert tone="info" message={t("result", { changed: state.data.changed, refused: state.data.refused })} />}</div>
      {state && !state.ok && <FormAlert message={te(state.error)} />}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm font-medium">
          {t("bulkAction", { count: ticked.size })}
          <select name="action" className={inputClass} defaultValue="approved">
            <option value="approved">{t("approve")}</option>
            <option value="waitlisted">{t("waitlist")}</option>
            <option value="declined">{t("decline")}</option>
            <option value="requests:grant">{t("grantRequests")}</option>
            <option value="requests:refuse">{t("refuseRequests")}</option>
            {(["delegate", "speaker", "interpreter", "observer", "audience", "organizer"] as const).map((r) => (
              <option key={r} value={`role:${r}`}>
                {t("makeRole", { role: tr(r) })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending || ticked.size === 0}
          className="rounded bg-sky-900 px-3 py-1.5 text-white disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        >
          {t("applyToSelected")}
        </button>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[56rem] border-collapse text-sm break-keep [&_th]:whitespace-nowrap" data-testid="desk-table">
          <thead>
            <tr className="border-b-2 border-slate-300 text-left">
              <th scope="col" className="p-2">
                <input type="checkbox" aria-label={t("selectAll")} checked={all} onChange={() => setTicked(all ? new Set() : new Set(rows.map((r) => r.id)))} className="size-4" />
              </th>
              {headers}
              <th scope="col" className="p-2">
                {t("actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="desk-row" data-status={r.status}>
                <td className="p-2">
                  <input type="checkbox" name="ids" value={r.id} checked={ticked.has(r.id)} onChange={() => toggle(r.id)} aria-label={t("selectRow", { name: r.name })} className="size-4" />
                </td>
                <td className="min-w-40 p-2">
                  <span className="font-medium">{r.name}</span>
                  <span className="block break-all text-slate-600">{r.email}</span>
                </td>
                <td className="min-w-32 p-2">
                  {r.organization}
                  {r.requestedOrganization && <Requested>{t("requested", { what: r.requestedOrganization })}</Requested>}
                </td>
                <td className="p-2 whitespace-nowrap">{r.country}</td>
                <td className="p-2 whitespace-nowrap" data-testid="desk-role">
                  {tr(r.role)}
                  {r.requestedRole && <Requested>{t("requested", { what: tr(r.requestedRole) })}</Requested>}
                </td>
                <td className="p-2 whitespace-nowrap" data-testid="desk-status">
                  {ts(r.status)}
                </td>
                <td className="min-w-48 p-2 text-xs">{r.forums}</td>
                <td className="p-2 whitespace-nowrap">{r.registeredAt}</td>
                <td className="space-x-1 p-2 whitespace-nowrap">
                  {r.status !== "approved" && (
                    <button type="submit" name="row" value={`${r.id}|approved`} className={rowButton} aria-label={`${t("approve")}: ${r.name}`}>
                      {t("approve")}
                    </button>
                  )}
                  {r.status !== "declined" && (
                    <button type="submit" name="row" value={`${r.id}|declined`} className={rowButton} aria-label={`${t("decline")}: ${r.name}`}>
                      {t("decline")}
                    </button>
                  )}
                  {(r.requestedRole || r.requestedOrganization) && (
                    <button type="submit" name="row" value={`${r.id}|requests:grant`} className={rowButton} aria-label={`${t("grant")}: ${r.name}`}>
                      {t("grant")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}

function Requested({ children }: { children: React.ReactNode }) {
  return (
    <span className="mt-0.5 block text-xs font-medium text-amber-900" data-testid="desk-requested">
      {children}
    </span>
  );
}
