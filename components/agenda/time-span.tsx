"use client";
// One time range as a zone's clock reads it, with the date it falls on there: the short date before
// it when no day heading gives the date, else "+1 day" / "−1 day" against that heading's day; an
// end on another day than the start is marked too. The full date is in the span's title unless the
// day heading above already says it.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import { zonedSpan } from "@/lib/time/days";
import { formatClock, formatDay, formatShortDate, machineTime } from "@/lib/time/zones";

export function DayMark({ shift }: { shift: number }) {
  const t = useTranslations("time");
  if (shift === 0) return null;
  return (
    <span className="ml-0.5 align-super text-[0.7em] font-semibold whitespace-nowrap text-amber-900" data-testid="day-mark" data-shift={shift}>
      {shift > 0 ? t("dayAfter", { days: shift }) : t("dayBefore", { days: -shift })}
    </span>
  );
}

/**
 * `reference`: the day heading's calendar day (YYYY-MM-DD); null → the span shows its own date.
 * `inherit`: the digits' width comes from the list around it (the agenda's rows set it once).
 */
export function TimeSpan({ start, end, zone, reference, inherit = false }: { start: Date; end: Date; zone: string; reference: string | null; inherit?: boolean }) {
  const locale = useLocale() as Locale;
  const span = zonedSpan(start, end, zone, reference ?? undefined);
  // The full date once for the span (both when it ends on another day), not on each <time>; none
  // when the span falls on its heading's day (46 titles the agenda's rows would only repeat).
  const headed = reference !== null && span.startShift === 0 && span.endShift === 0;
  const [startDay, endDay] = headed ? [] : [formatDay(start, zone, locale), formatDay(end, zone, locale)];
  return (
    <span data-testid="time-span" data-day={span.day} className={inherit ? undefined : "tabular-nums"} title={headed ? undefined : startDay === endDay ? startDay : `${startDay} – ${endDay}`}>
      {reference === null && (
        <span className="mr-1" data-testid="span-date">
          {formatShortDate(start, zone, locale)}
        </span>
      )}
      <time dateTime={machineTime(start)}>{formatClock(start, zone)}</time>
      <DayMark shift={reference === null ? 0 : span.startShift} />–<time dateTime={machineTime(end)}>{formatClock(end, zone)}</time>
      <DayMark shift={span.endShift !== span.startShift ? span.endShift : 0} />
    </span>
  );
}
