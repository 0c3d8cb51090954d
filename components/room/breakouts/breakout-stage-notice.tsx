"use client";
// On the stage while breakout rooms open: the countdown to the participant's room, then the move
// (or, when people choose, the rooms to pick from; or, for someone who came back by themselves,
// the way back to their room). Read from an attribute only the server writes.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useBreakoutAction } from "@/components/breakouts/use-breakout-action";
import { chooseBreakoutAction } from "@/lib/breakouts/actions";
import type { BreakoutRoomView } from "@/lib/breakouts/data";
import { stageBreakoutView } from "@/lib/rooms/breakouts";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { forgetReturn, lastReturn } from "./returned";

const box = "rounded border border-sky-300 bg-sky-50 p-2 text-sky-950";

export function BreakoutStageNotice({
  value,
  now,
  rooms,
  sessionId,
  onBreakout,
}: {
  value: string | undefined;
  now: number;
  rooms: BreakoutRoomView[];
  sessionId: string;
  onBreakout: (id: string) => void;
}) {
  const t = useTranslations("breakouts.participant");
  const locale = useLocale() as Locale;
  const choose = useBreakoutAction();
  const view = stageBreakoutView(value, now, lastReturn());
  const moved = useRef<string | null>(null);
  const moveTo = view.kind === "move" ? view.target : null;
  useEffect(() => {
    // Once per attribute value: a failed move (the room closed meanwhile) is not retried in a loop.
    if (moveTo && moved.current !== value) {
      moved.current = value ?? null;
      onBreakout(moveTo);
    }
  }, [moveTo, value, onBreakout]);
  const titleOf = (id: string) => {
    const room = rooms.find((r) => r.id === id);
    return room ? pickText(room.title, locale) : "…";
  };
  const go = (id: string) => {
    forgetReturn();
    onBreakout(id);
  };
  switch (view.kind) {
    case "none":
      return null;
    case "countdown":
      return (
        <p role="status" className={box} data-testid="breakout-going">
          {view.target === "choose" ? t("chooseSoon", { seconds: view.seconds }) : t("goingTo", { seconds: view.seconds, room: titleOf(view.target) })}
        </p>
      );
    case "move":
      return (
        <p role="status" className={box}>
          {t("moving")}
        </p>
      );
    case "offer":
      return (
        <div className={`flex flex-wrap items-center gap-2 ${box}`} data-testid="breakout-offer">
          <p>{t("stillOpen")}</p>
          <button type="button" onClick={() => go(view.target)} className="rounded bg-sky-800 px-3 py-1.5 text-white">
            {t("join", { room: titleOf(view.target) })}
          </button>
        </div>
      );
    case "choose":
      return (
        <div role="group" aria-label={t("choose")} className={`space-y-2 ${box}`} data-testid="breakout-choose">
          <p>{t("choose")}</p>
          <div className="flex flex-wrap gap-2">
            {rooms.map((r) => (
              <button
                key={r.id}
                type="button"
                disabled={choose.pending}
                onClick={() =>
                  choose.run(
                    () => chooseBreakoutAction(sessionId, r.id),
                    () => go(r.id),
                  )
                }
                className="rounded bg-sky-800 px-3 py-1.5 text-white disabled:opacity-50"
              >
                {t("join", { room: pickText(r.title, locale) })}
              </button>
            ))}
          </div>
          {choose.error && <p role="alert">{choose.error}</p>}
        </div>
      );
  }
}
