"use client";
// The lobby as a waiting person sees it: why they wait, "Ask to join", their place once asked,
// and the forum's agenda with its clocks. An organizer's admission reaches this page by the live
// stream; it then joins the room by itself (no second click), with camera and microphone off.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { LobbyPlace } from "@/lib/lobby/rules";
import { OPENS_BEFORE_MS } from "@/lib/rooms/grants";
import { AgendaPanel } from "../agenda-panel";
import { useRoomInfo } from "../room-info";
import { useNow } from "../use-now";
import { LobbyTime } from "./lobby-time";
import { useLobbyPlace } from "./use-lobby-place";

export function LobbyView({ initial, eventSlug, onAdmitted }: { initial: LobbyPlace; eventSlug: string; onAdmitted: () => void }) {
  const t = useTranslations("lobby");
  const tDenied = useTranslations("room.outcome.denied");
  const tErrors = useTranslations("room.moderation.errors");
  const now = useNow();
  const { forum } = useRoomInfo();
  const { place, error, asking, ask, refresh } = useLobbyPlace(initial, eventSlug);
  const joined = useRef(false);
  useEffect(() => {
    if (place.kind !== "open" || joined.current) return;
    joined.current = true;
    onAdmitted();
  }, [place.kind, onAdmitted]);
  const reason = place.kind === "open" ? null : place.reason;
  const canAsk = place.kind === "outside" && place.knockAgainAt <= now;
  return (
    <section aria-labelledby="lobby-title" className="mx-auto max-w-2xl space-y-4" data-testid="lobby" data-place={place.kind} data-reason={reason ?? undefined}>
      <h2 id="lobby-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {reason && <p>{t(`reason.${reason}`)}</p>}
      {reason === "roomNotOpenYet" && (
        <div className="space-y-1 text-sm">
          <p className="font-medium">{t("opensAt")}</p>
          <LobbyTime instant={forum.startsAt - OPENS_BEFORE_MS} testId="lobby-opens-at" />
        </div>
      )}
      <div role="status" aria-live="polite" className="space-y-1" data-testid="lobby-status">
        {place.kind === "waiting" && (
          <>
            <p className="rounded border border-sky-700 bg-sky-50 p-3 font-medium">{t("waiting")}</p>
            <div className="text-sm">
              <p className="text-slate-700">{t("waitingSince")}</p>
              <LobbyTime instant={place.since} />
            </div>
          </>
        )}
        {place.kind === "open" && <p className="rounded border border-emerald-700 bg-emerald-50 p-3 font-medium">{t("admitted")}</p>}
        {place.kind === "outside" && !canAsk && (
          <div className="text-sm">
            <p>{t("askAgainAt")}</p>
            <LobbyTime instant={place.knockAgainAt} />
          </div>
        )}
      </div>
      {error && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="lobby-error">
          <span>{tDenied.has(error) ? tDenied(error) : tErrors.has(error) ? tErrors(error) : t("failed")}</span>
          <button type="button" onClick={() => void refresh()} className="underline">
            {t("retry")}
          </button>
        </div>
      )}
      {place.kind === "outside" && (
        <button
          type="button"
          onClick={ask}
          disabled={!canAsk || asking}
          className="w-full rounded bg-sky-900 px-4 py-3 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-50 sm:w-auto"
          data-testid="lobby-ask"
        >
          {asking ? t("asking") : t("ask")}
        </button>
      )}
      <section aria-labelledby="lobby-agenda" className="space-y-2 border-t border-slate-200 pt-4">
        <h3 id="lobby-agenda" className="font-semibold">
          {t("agenda")}
        </h3>
        <AgendaPanel now={now} />
      </section>
    </section>
  );
}
