"use client";
// Every way the room can be out of reach, in the viewer's language, with the way back: the server
// unreachable (Retry), a refused token, having left, been removed, or the room having ended.
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useRoomInfo } from "./room-info";
import type { RoomPhase } from "./use-room-connection";

type Outcome = Exclude<RoomPhase, { kind: "prejoin" | "connecting" | "connected" }>;

export function RoomOutcome({ phase, onRetry, onRejoin }: { phase: Outcome; onRetry: () => void; onRejoin: () => void }) {
  const t = useTranslations("room.outcome");
  const { backHref } = useRoomInfo();
  const message = phase.kind === "denied" ? (t.has(`denied.${phase.code}`) ? t(`denied.${phase.code}`) : t("denied.unknown")) : t(phase.kind);
  const canRetry = phase.kind === "unreachable" || phase.kind === "lost";
  const canRejoin = phase.kind === "left";
  return (
    <div role="alert" className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4" data-testid="room-outcome" data-outcome={phase.kind}>
      <p className="font-semibold">{message}</p>
      <div className="flex flex-wrap gap-3">
        {canRetry && (
          <button type="button" onClick={onRetry} className="rounded bg-sky-900 px-4 py-2 font-medium text-white">
            {t("retry")}
          </button>
        )}
        {canRejoin && (
          <button type="button" onClick={onRejoin} className="rounded bg-sky-900 px-4 py-2 font-medium text-white">
            {t("rejoin")}
          </button>
        )}
        <Link href={backHref} className="px-2 py-2 text-sky-900 underline">
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
