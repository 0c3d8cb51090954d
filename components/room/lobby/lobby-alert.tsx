"use client";
// Over the stage, for organizers: how many wait in the lobby, with the way to the list. Announced
// politely when the number changes; gone while the people panel (where the list is) is open.
import { useTranslations } from "next-intl";

export function LobbyAlert({ waiting, hidden, onOpen }: { waiting: number; hidden: boolean; onOpen: () => void }) {
  const t = useTranslations("lobby.alert");
  return (
    <div role="status" aria-live="polite" className="w-full max-w-md empty:hidden">
      {waiting > 0 && !hidden && (
        <div className="flex items-center gap-2 rounded-lg bg-amber-100 px-3 py-2 text-sm text-slate-900 shadow-lg" data-testid="lobby-alert">
          <span className="min-w-0 flex-1">{t("waiting", { count: waiting })}</span>
          <button type="button" onClick={onOpen} className="shrink-0 rounded px-2 py-1 font-medium text-sky-900 underline focus-visible:outline-2 focus-visible:outline-sky-700">
            {t("open")}
          </button>
        </div>
      )}
    </div>
  );
}
