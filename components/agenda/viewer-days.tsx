"use client";
// Blocks of a programme (the agenda's forums, a person's sessions) under the calendar day they start
// on for the viewer, with the event's own day beside a heading where it differs, so a New York
// viewer reads Sunday evening, not the Seoul Monday. Times inside are marked against the heading's
// day. The server, not knowing the viewer's zone, groups by the event's zone and says so.
import { useLocale, useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/routing";
import { dayNoon, groupByDayIn } from "@/lib/time/days";
import { dayKey, formatDay } from "@/lib/time/zones";
import { ReferenceDay, useViewerZone } from "./day-context";

export interface DayItem {
  key: string;
  startsAt: string;
  node: ReactNode;
}

interface Props {
  items: DayItem[];
  /** The event's home zone and what it is called ("Seoul"). */
  homeZone: string;
  homePlace: string;
  level?: 2 | 3 | 4;
  testId?: string;
  /** Prefix of the day headings' ids, where a page holds several such lists (default: testId). */
  idPrefix?: string;
}

export function ViewerDays({ items, homeZone, homePlace, level = 2, testId = "agenda-day", idPrefix = testId }: Props) {
  const locale = useLocale() as Locale;
  const t = useTranslations("time");
  const viewer = useViewerZone();
  const zone = viewer ?? homeZone;
  const Heading = (["h2", "h3", "h4"] as const)[level - 2];
  const dayText = (day: string) => formatDay(dayNoon(day), "UTC", locale);
  return groupByDayIn(items, (i) => new Date(i.startsAt), zone).map((group) => {
    const eventDays = [...new Set(group.items.map((i) => dayKey(new Date(i.startsAt), homeZone)))];
    const differs = eventDays.some((d) => d !== group.day);
    const id = `${idPrefix}-${group.day}`;
    return (
      <section key={group.day} aria-labelledby={id} data-testid={testId} data-day={group.day} className="space-y-2">
        <Heading id={id} className={`border-b-2 border-sky-900 pb-1 font-semibold ${level === 2 ? "text-2xl" : level === 3 ? "text-xl" : "text-lg"}`}>
          <span data-testid="day-heading">{dayText(group.day)}</span>
          {!viewer && <span className="ml-2 text-base font-normal text-slate-700">({t("zoneTime", { place: homePlace })})</span>}
        </Heading>
        {differs && (
          <p className="text-sm text-slate-700" data-testid="event-days">
            {t("eventDay", { place: homePlace, days: eventDays.map(dayText).join(" · ") })}
          </p>
        )}
        <ReferenceDay day={group.day}>
          {group.items.map((item) => (
            <Fragment key={item.key}>{item.node}</Fragment>
          ))}
        </ReferenceDay>
      </section>
    );
  });
}
