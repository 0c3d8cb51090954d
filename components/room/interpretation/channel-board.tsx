"use client";
// For organizers: every channel's state and its booth, the interpreter on duty first.
import { useTranslations } from "next-intl";
import { boothClaims, boothHolder, channelStatuses, formatElapsed, sinceHandover } from "@/lib/rooms/interpretation";
import { useNow } from "../use-now";
import type { InterpretationSnapshot } from "./use-interpretation-room";

export function ChannelBoard({ room }: { room: InterpretationSnapshot }) {
  const t = useTranslations("interpretation");
  const now = useNow();
  const name = (identity: string) => room.people.find((p) => p.identity === identity)?.name ?? identity;
  return (
    <section aria-labelledby="channel-board-title" className="space-y-1" data-testid="channel-board">
      <h3 id="channel-board-title" className="text-sm font-semibold">
        {t("board.title")}
      </h3>
      <ul className="divide-y divide-slate-200 rounded border border-slate-200 text-sm">
        {channelStatuses(room.publications, room.people).map((s) => {
          const claims = boothClaims(room.people, s.language);
          const holder = boothHolder(claims);
          const elapsed = sinceHandover(claims, now);
          const state = s.live ? "live" : s.voices.length ? "muted" : "off";
          return (
            <li key={s.language} className="space-y-0.5 p-2" data-testid={`board-${s.language}`} data-state={state}>
              <p className="flex items-center gap-2">
                <span className="font-medium">{t(`channels.${s.language}`)}</span>
                <span className={`ml-auto rounded px-1.5 text-xs ${state === "live" ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-700"}`}>{t(`board.${state}`)}</span>
              </p>
              {s.voices.length > 0 && <p className="text-slate-700">{s.voices.map((v) => t(v.muted ? "board.voiceMuted" : "board.voiceLive", { name: name(v.identity) })).join(" · ")}</p>}
              {holder && elapsed !== null && <p className="text-xs text-slate-600">{t("board.since", { name: name(holder.identity), elapsed: formatElapsed(elapsed) })}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
