"use client";
// The forum's running order beside the stage: the session on now highlighted, the next one marked,
// and the clocks above. Times are in the event's home zone, under the forum's day there; a session
// on another day carries a "+1 day" mark.
import { useLocale, useTranslations } from "next-intl";
import { TimeSpan } from "@/components/agenda/time-span";
import type { Locale } from "@/lib/i18n/routing";
import { dayKey, formatDay } from "@/lib/time/zones";
import { useRoomInfo } from "./room-info";
import { RoomClock } from "./room-clock";
import { currentItem, nextItem } from "./schedule";

export function AgendaPanel({ now }: { now: number }) {
  const t = useTranslations("room.agenda");
  const { sessions, zones, sessionId, forum } = useRoomInfo();
  const locale = useLocale() as Locale;
  const home = zones[0]?.zone ?? "UTC";
  const forumDay = new Date(forum.startsAt);
  const current = currentItem(sessions, now) ?? (now < forum.startsAt ? sessions.find((s) => s.id === sessionId) : null);
  const next = nextItem(sessions, now);
  return (
    <div className="space-y-3">
      <RoomClock now={now} />
      <p className="text-sm text-slate-700" data-testid="room-agenda-day">
        {formatDay(forumDay, home, locale)} ({zones[0]?.label ?? home})
      </p>
      <ol className="space-y-1" aria-label={t("runningOrder")} data-testid="room-agenda">
        {sessions.map((s) => {
          const isCurrent = s.id === current?.id;
          return (
            <li
              key={s.id}
              aria-current={isCurrent ? "true" : undefined}
              data-current={isCurrent || undefined}
              className={`rounded border p-2 text-sm ${isCurrent ? "border-sky-700 bg-sky-50 font-semibold" : "border-slate-200"}`}
            >
              <span className="mr-2 font-mono text-slate-700">
                <TimeSpan start={new Date(s.startsAt)} end={new Date(s.endsAt)} zone={home} reference={dayKey(forumDay, home)} />
              </span>
              {s.title}
              {isCurrent && <span className="ml-2 rounded bg-sky-800 px-1.5 text-xs text-white">{t("now")}</span>}
              {s.id === next?.id && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-800">{t("next")}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
