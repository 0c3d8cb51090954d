"use client";
// The run sheet's Broadcast box: whether the forum is on air and how its outputs are doing (the
// stage's HLS, each channel's, each restream, as Egress reports them), On air / Off air, who may
// watch and how, and where it is restreamed. Follows its state every few seconds while it moves.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { getBroadcastConsoleAction, startBroadcastAction, stopBroadcastAction } from "@/lib/broadcast/actions";
import type { BroadcastConsole } from "@/lib/broadcast/data";
import type { ActionResult } from "@/lib/http/action-result";
import { endonym } from "@/lib/i18n/language-names";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatClock, zoneName } from "@/lib/time/zones";
import { useBrowserZone } from "@/components/agenda/day-context";
import { BroadcastSettingsForm } from "./broadcast-settings-form";
import { RestreamDestinations } from "./restream-destinations";

export interface BoxZone {
  zone: string;
  label: string;
}

/** How often the box reads the state while something is changing, and while on air. */
const MOVING_MS = 2_000;
const STEADY_MS = 10_000;

export function BroadcastBox({ forumId, initial, zones }: { forumId: string; initial: BroadcastConsole; zones: BoxZone[] }) {
  const t = useTranslations("broadcast");
  const locale = useLocale() as Locale;
  const [state, setState] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const viewerZone = useBrowserZone();

  const refresh = useCallback(async () => {
    const result = await getBroadcastConsoleAction(forumId);
    if (result.ok) setState(result.data);
  }, [forumId]);

  const status = state.broadcast?.status;
  const moving = status === "starting" || status === "stopping" || !!state.broadcast?.restreams.some((r) => r.status === "starting" || r.status === "ending");
  const onAir = status === "starting" || status === "live";
  useEffect(() => {
    if (!onAir && !moving) return;
    const timer = setInterval(() => void refresh(), moving ? MOVING_MS : STEADY_MS);
    return () => clearInterval(timer);
  }, [onAir, moving, refresh]);

  const run = async (work: () => Promise<ActionResult<unknown>>) => {
    setBusy(true);
    setError(null);
    const result = await work();
    if (!result.ok) setError(result.error);
    await refresh();
    setBusy(false);
  };

  const errorText = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.egressFailed"));
  const since = state.broadcast?.startedAt ? new Date(state.broadcast.startedAt) : null;
  const shownZones = [...zones, ...(viewerZone && !zones.some((z) => z.zone === viewerZone) ? [{ zone: viewerZone, label: t("yourTime") }] : [])];
  const outputName = (name: string) => (name === "stage" ? t("outputs.stage") : t("outputs.channel", { language: endonym(name as Locale) }));

  return (
    <section aria-labelledby="run-broadcast" className="space-y-4 rounded border border-slate-300 p-3" data-testid="broadcast-box" data-status={status ?? "none"}>
      <h2 id="run-broadcast" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t("heading")}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="font-semibold" data-testid="broadcast-status">
          {onAir || status === "stopping" ? t(`status.${status}`) : t("status.offAir")}
          {since && onAir && (
            <span className="ml-2 text-sm font-normal text-slate-700">
              {t("since")}{" "}
              {shownZones.map((z, i) => (
                <span key={z.zone}>
                  {i > 0 && " · "}
                  {formatClock(since, z.zone)} <span title={z.zone}>{z.label || zoneName(since, z.zone, locale)}</span>
                </span>
              ))}
            </span>
          )}
        </p>
        {onAir ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => window.confirm(t("stopConfirm")) && void run(() => stopBroadcastAction(forumId))}
            className="rounded bg-red-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
            data-testid="broadcast-stop"
          >
            {t("stop")}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy || status === "stopping"}
            onClick={() => void run(() => startBroadcastAction(forumId))}
            className="rounded bg-sky-800 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
            data-testid="broadcast-start"
          >
            {t("start")}
          </button>
        )}
        <Link href={state.watchPath} className="text-sky-900 underline" data-testid="broadcast-watch-link">
          {t("watchPage")}
        </Link>
      </div>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="broadcast-error">
          {errorText(error)}
        </p>
      )}
      {state.broadcast && status === "failed" && state.broadcast.error && (
        <p className="text-sm text-red-900" data-testid="broadcast-failure">
          {t("failedBecause", { reason: errorText(state.broadcast.error) })}
        </p>
      )}
      {state.broadcast && (state.broadcast.renditions.length > 0 || state.broadcast.restreams.length > 0) && (
        <table className="w-full text-left text-sm" data-testid="broadcast-outputs">
          <caption className="sr-only">{t("outputs.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-2">
                {t("outputs.output")}
              </th>
              <th scope="col" className="py-1">
                {t("outputs.state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {state.broadcast.renditions.map((r) => (
              <tr key={r.name} className="border-b border-slate-200" data-testid="broadcast-output" data-name={r.name} data-status={r.status}>
                <td className="py-1 pr-2">{outputName(r.name)}</td>
                <td className="py-1">
                  {t(`outputStatus.${r.status}`)}
                  {r.error && <span className="ml-1 text-red-900">— {errorText(r.error)}</span>}
                </td>
              </tr>
            ))}
            {state.broadcast.restreams.map((r, i) => (
              <tr key={r.destinationId ?? `gone-${i}`} className="border-b border-slate-200" data-testid="restream-output" data-status={r.status}>
                <td className="py-1 pr-2">{t("outputs.restream", { label: r.label ?? t("outputs.removed") })}</td>
                <td className="py-1">
                  {t(`outputStatus.${r.status}`)}
                  {r.error && <span className="ml-1 text-red-900">— {errorText(r.error)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BroadcastSettingsForm key={JSON.stringify(state.settings)} forumId={forumId} settings={state.settings} onSaved={refresh} />
      <RestreamDestinations forumId={forumId} destinations={state.destinations} onChanged={refresh} />
    </section>
  );
}
