"use client";
// What a participant sees of breakout rooms, over the stage. On the stage: BreakoutStageNotice. In
// a breakout room: its name, the organizers' messages, the countdown to its closing and then the
// way back, and a button to return to the main room at any time. Everything comes from attributes
// and data only the server writes; the instants are compared with the server's clock.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useLocalParticipant, useParticipantAttributes, useRoomContext } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { secondsUntil } from "@/components/breakouts/run-controls";
import { BREAKOUT_ATTRIBUTE, BREAKOUT_CLOSES_ATTRIBUTE, BREAKOUT_MESSAGE_TOPIC } from "@/lib/rooms/breakouts";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { useRoomInfo } from "../room-info";
import { serverNow } from "../use-now";
import { BreakoutStageNotice } from "./breakout-stage-notice";
import { rememberReturn } from "./returned";
import { useBreakoutInfo } from "./use-breakout-info";

/** Calls `fn` once for each distinct truthy `key`. */
function useOnce(key: string | null, fn: () => void) {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (key && done.current !== key) {
      done.current = key;
      fn();
    }
  }, [key, fn]);
}

function useBreakoutMessage(): string | null {
  const room = useRoomContext();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const onData = (payload: Uint8Array, participant: unknown, _kind: unknown, topic?: string) => {
      // Only the server sends on this topic (no participant): a client cannot speak for the organizers.
      if (topic !== BREAKOUT_MESSAGE_TOPIC || participant) return;
      try {
        const body = JSON.parse(new TextDecoder().decode(payload)) as { text?: unknown };
        if (typeof body.text === "string") setText(body.text);
      } catch {}
    };
    room.on(RoomEvent.DataReceived, onData);
    return () => void room.off(RoomEvent.DataReceived, onData);
  }, [room]);
  return text;
}

export function BreakoutBar({ breakout, now, onBreakout, onStage }: { breakout: string | null; now: number; onBreakout: (id: string) => void; onStage: () => void }) {
  const t = useTranslations("breakouts.participant");
  const locale = useLocale() as Locale;
  const { sessionId } = useRoomInfo();
  const { localParticipant } = useLocalParticipant();
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  const closesAt = breakout ? (attributes?.[BREAKOUT_CLOSES_ATTRIBUTE] ?? null) : null;
  const info = useBreakoutInfo(sessionId, breakout ?? attributes?.[BREAKOUT_ATTRIBUTE] ?? null);
  const message = useBreakoutMessage();
  const titleOf = (id: string) => {
    const room = info?.rooms.find((r) => r.id === id);
    return room ? pickText(room.title, locale) : "…";
  };
  const closesIn = secondsUntil(closesAt, now);
  useOnce(closesAt && closesIn === 0 ? closesAt : null, onStage);

  if (!breakout) return <BreakoutStageNotice value={attributes?.[BREAKOUT_ATTRIBUTE]} now={now} rooms={info?.rooms ?? []} sessionId={sessionId} onBreakout={onBreakout} />;
  return (
    <div className="flex w-full max-w-2xl flex-col gap-2 rounded border border-sky-300 bg-sky-50 p-2 text-sky-950" data-testid="breakout-bar" data-breakout={breakout}>
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-medium" data-testid="breakout-name">
          {t("inRoom", { room: titleOf(breakout) })}
        </p>
        <button
          type="button"
          onClick={() => {
            // Back by their own choice: the stage offers this room again rather than sending them.
            rememberReturn(breakout, serverNow());
            onStage();
          }}
          className="ml-auto rounded border border-sky-800 px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700"
          data-testid="breakout-return"
        >
          {t("return")}
        </button>
      </div>
      {message && (
        <p role="alert" className="rounded bg-white p-2" data-testid="breakout-message-shown">
          {t("message", { text: message })}
        </p>
      )}
      {closesAt && (
        <p role="status" className="font-medium text-amber-900" data-testid="breakout-closing">
          {t("returnsIn", { seconds: closesIn })}
        </p>
      )}
    </div>
  );
}
