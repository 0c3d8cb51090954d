"use client";
// Everyone is told 5 minutes before the forum's room closes (its block's end unless an organizer
// extended it); at that time the room closes for everyone but organizers, who may extend it.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { extendRoomAction } from "@/lib/rooms/actions";
import { useRoomInfo } from "./room-info";
import { blockPhase, minutesLeft } from "./schedule";
import { useClosesAt } from "./use-closes-at";
import { useRoomAction } from "./use-room-action";

const EXTENSION_MINUTES = 15;

export function EndWarning({ now, onClosed }: { now: number; onClosed: () => void }) {
  const t = useTranslations("room.schedule");
  const { forum, viewer, sessionId } = useRoomInfo();
  const closesAt = useClosesAt();
  const moderation = useRoomAction();
  const phase = blockPhase(forum.startsAt, closesAt, now);
  const closeForMe = phase === "over" && !viewer.isOrganizer;
  useEffect(() => {
    if (closeForMe) onClosed();
  }, [closeForMe, onClosed]);
  if (phase !== "endingSoon" && phase !== "over") return null;
  return (
    <div role={phase === "endingSoon" ? "alert" : "status"} className="flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-amber-950" data-testid="end-warning">
      <p>{phase === "endingSoon" ? t("endingSoon", { minutes: minutesLeft(closesAt, now) }) : t(viewer.isOrganizer ? "overOrganizer" : "over")}</p>
      {viewer.isOrganizer && (
        <button
          type="button"
          disabled={moderation.pending}
          onClick={() => moderation.run(() => extendRoomAction(sessionId, EXTENSION_MINUTES))}
          className="rounded border border-amber-700 px-2 py-1 text-sm font-medium disabled:opacity-50"
        >
          {t("extend", { minutes: EXTENSION_MINUTES })}
        </button>
      )}
      {moderation.error && (
        <p role="alert" className="text-sm text-red-900">
          {moderation.error}
        </p>
      )}
    </div>
  );
}
