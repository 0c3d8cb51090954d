"use client";
// The top of the room: the forum and the session on now, and the time in the viewer's zone.
import { useTranslations } from "next-intl";
import { formatBrowserClock } from "@/lib/time/zones";
import { useRoomInfo } from "./room-info";
import { currentItem } from "./schedule";

export function RoomTopBar({ now }: { now: number }) {
  const t = useTranslations("room");
  const { forum, sessions, sessionId } = useRoomInfo();
  const current = currentItem(sessions, now) ?? sessions.find((s) => s.id === sessionId);
  const clock = formatBrowserClock(now);
  return (
    <header className="flex shrink-0 items-center gap-3 border-b border-slate-800 px-3 py-2">
      <h1 className="min-w-0 truncate text-sm font-semibold sm:text-base">
        {t("heading", { forum: forum.title })}
        {current && <span className="hidden font-normal text-slate-300 sm:inline"> · {current.title}</span>}
      </h1>
      <time dateTime={new Date(now).toISOString()} className="ml-auto font-mono text-sm tabular-nums text-slate-300" data-testid="top-clock">
        {clock}
      </time>
    </header>
  );
}
