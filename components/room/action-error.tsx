"use client";
// The error of a room action, said in words, with a way to dismiss it (it also goes by itself).
import { useTranslations } from "next-intl";
import type { RoomAction } from "./use-room-action";

export function ActionError({ action, className = "" }: { action: RoomAction; className?: string }) {
  const t = useTranslations("room.notices");
  if (!action.error) return null;
  return (
    <p role="alert" className={`flex items-start gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 ${className}`} data-testid="moderation-error">
      <span>{action.error}</span>
      <button type="button" onClick={action.dismiss} className="ml-auto shrink-0 underline">
        {t("dismiss")}
      </button>
    </p>
  );
}
