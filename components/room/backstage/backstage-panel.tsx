"use client";
// In the stage's people panel, for organizers: backstage on or off for the forum, the Backstage
// list, and a way to go backstage themselves (to greet and chat with those waiting).
import { useTranslations } from "next-intl";
import { setBackstageAction } from "@/lib/backstage/actions";
import { useRoomInfo } from "../room-info";
import { PanelSwitch } from "../panel-switch";
import { useRoomAction } from "../use-room-action";
import { BackstageList } from "./backstage-list";
import { useBackstage } from "./use-backstage";

export function BackstagePanel({ onGoBackstage }: { onGoBackstage: () => void }) {
  const t = useTranslations("backstage.panel");
  const { sessionId, forumId } = useRoomInfo();
  const { view, failed, refresh } = useBackstage(sessionId);
  const toggle = useRoomAction();
  // The switch shows the organizer's choice at once, and the server's once it has answered.
  return (
    <section aria-labelledby="backstage-title" className="space-y-2 rounded border border-slate-300 p-3" data-testid="backstage-panel" data-on={view?.on ?? false}>
      <h3 id="backstage-title" className="font-semibold">
        {t("title")}
      </h3>
      {failed && !view && <p className="text-sm text-slate-700">{t("unavailable")}</p>}
      {view && (
        <>
          <PanelSwitch on={view.on} label={t("toggle")} testId="backstage-toggle" action={toggle} save={(on) => setBackstageAction(forumId, on)} refresh={refresh} />
          {view.on ? <BackstageList view={view} refresh={refresh} /> : <p className="text-sm text-slate-700">{t("off")}</p>}
          {view.on && (
            <button
              type="button"
              onClick={onGoBackstage}
              className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700"
              data-testid="go-backstage"
            >
              {t("goBackstage")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
