"use client";
// The room's toasts (a raised hand, a new message): announced politely, each opening its panel.
import { useTranslations } from "next-intl";
import type { PanelId } from "./control-bar";
import { Icon } from "./icons";
import type { Alerts } from "./use-alerts";

export function RoomAlerts({ alerts, onOpen }: { alerts: Alerts; onOpen: (panel: PanelId) => void }) {
  const t = useTranslations("room.alerts");
  return (
    <div role="status" aria-live="polite" className="flex w-full max-w-md flex-col gap-2" data-testid="room-alerts">
      {alerts.toasts.map((toast) => (
        <div key={toast.id} className="flex items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm text-slate-900 shadow-lg" data-testid="toast" data-panel={toast.panel}>
          <Icon name={toast.panel === "chat" ? "chat" : "hand"} />
          <span className="min-w-0 flex-1 break-words">{toast.text}</span>
          <button type="button" onClick={() => onOpen(toast.panel)} className="shrink-0 rounded px-2 py-1 font-medium text-sky-900 underline">
            {t("open")}
          </button>
          <button type="button" onClick={() => alerts.dismiss(toast.id)} className="shrink-0 rounded p-1 hover:bg-slate-100">
            <Icon name="close" className="h-4 w-4" />
            <span className="sr-only">{t("dismiss")}</span>
          </button>
        </div>
      ))}
    </div>
  );
}
