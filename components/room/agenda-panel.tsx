"use client";
// The forum's running order beside the stage: the session on now highlighted, the next one marked,
// and the clocks above.
import { useTranslations } from "next-intl";
import { formatClockRange } from "@/lib/time/zones";
import { useRoomInfo } from "./room-info";
import { RoomClock } from "./room-clock";
import { currentItem, nextItem } from "./schedule";

export function AgendaPanel({ now }: { now: number }) {
  const t = useTranslations("room.agenda");
  const { sessions, zones, sessionId, forum } = useRoomInfo();
  const home = zones[0]?.zone ?? "UTC";
  const current = currentItem(sessions, now) ?? (now < forum.startsAt ? sessions.find((s) => s.id === sessionId) : null);
  const next = nextItem(sessions, now);
  return (
    <div className="space-y-3">
      <RoomClock now={now} />
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
              <time dateTime={new Date(s.startsAt).toISOString()} className="mr-2 font-mono tabular-nums text-slate-700">
                {formatClockRange(new Date(s.startsAt), new Date(s.endsAt), home)}
              </time>
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
