"use client";
// Ticking clocks for the run sheet: the event's home zone, its other displayed zones, and the
// viewer's own. The server renders the instant of its render; the browser takes over after
// hydration (useSyncExternalStore keeps the two renders identical).
import { useLocale, useTranslations } from "next-intl";
import { useBrowserZone } from "@/components/agenda/day-context";
import { useBrowserNow } from "@/components/ui/use-browser-now";
import type { Locale } from "@/lib/i18n/routing";
import { formatShortDate, formatWallClock, offsetLabel, zoneName } from "@/lib/time/zones";

export interface ClockZone {
  zone: string;
  label: string;
}

export function RunClocks({ zones, renderedAt }: { zones: ClockZone[]; renderedAt: number }) {
  const t = useTranslations("live.runSheet");
  const locale = useLocale() as Locale;
  const now = new Date(useBrowserNow({ server: renderedAt }));
  const own = useBrowserZone();
  const rows = [...zones, ...(own ? [{ zone: own, label: `${t("yourTime")} · ${zoneName(now, own, locale)}` }] : [])];
  return (
    <ul className="grid gap-2 sm:grid-cols-3" data-testid="run-clocks">
      {rows.map((z, i) => (
        <li key={`${z.zone}-${i}`} className="rounded border border-slate-200 p-2" data-zone={z.zone}>
          <span className="block text-sm text-slate-700">{z.label}</span>
          <time dateTime={now.toISOString()} className="block font-mono text-2xl tabular-nums">
            {formatWallClock(now, z.zone, { seconds: true })}
          </time>
          <span className="text-xs text-slate-600">
            <span data-testid="clock-date">{formatShortDate(now, z.zone, locale)}</span> · {offsetLabel(now, z.zone)}
          </span>
        </li>
      ))}
    </ul>
  );
}
