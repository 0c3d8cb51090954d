"use client";
// The organizers' Backstage list: who waits backstage (name, role, camera and microphone) with
// "Bring on stage", and who was brought on stage with "Send backstage". Shown in the stage's people
// panel and in the backstage itself when an organizer goes there.
import { useTranslations } from "next-intl";
import { bringOnStageAction, sendBackstageAction } from "@/lib/backstage/actions";
import type { BackstageView } from "@/lib/backstage/stage-calls";
import { ActionError } from "../action-error";
import { useRoomInfo } from "../room-info";
import { useRoomAction } from "../use-room-action";

const button = "shrink-0 rounded border px-2 py-1 text-sm font-medium disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-sky-700";

export function BackstageList({ view, refresh }: { view: BackstageView; refresh: () => Promise<void> }) {
  const t = useTranslations("backstage.panel");
  const roles = useTranslations("room.people.roles");
  const { sessionId } = useRoomInfo();
  const action = useRoomAction();
  const act = (run: () => ReturnType<typeof bringOnStageAction>) =>
    action.run(async () => {
      const r = await run();
      await refresh();
      return r;
    });
  return (
    <div className="space-y-3">
      <ActionError action={action} />
      <h4 className="text-sm font-semibold">{t("waiting")}</h4>
      <ul aria-label={t("waiting")} className="space-y-1" data-testid="backstage-waiting">
        {view.waiting.length === 0 && <li className="text-sm text-slate-600">{t("nobody")}</li>}
        {view.waiting.map((p) => (
          <li key={p.identity} className="flex items-center gap-2 text-sm" data-testid="backstage-person" data-identity={p.identity}>
            <span className="min-w-0 flex-1">
              <span className="font-medium">{p.name}</span> · {roles.has(p.role) ? roles(p.role) : p.role}
              <span className="block text-slate-700">
                {p.camera ? t("cameraOn") : t("cameraOff")}, {p.microphone ? t("micOn") : t("micOff")}
              </span>
            </span>
            <button
              type="button"
              disabled={action.pending}
              aria-label={t("bringLabel", { name: p.name })}
              onClick={() => act(() => bringOnStageAction(sessionId, p.identity))}
              className={`${button} border-sky-800 text-sky-900`}
              data-testid="bring-on-stage"
            >
              {t("bring")}
            </button>
          </li>
        ))}
      </ul>
      <h4 className="text-sm font-semibold">{t("called")}</h4>
      <ul aria-label={t("called")} className="space-y-1" data-testid="backstage-called">
        {view.called.length === 0 && <li className="text-sm text-slate-600">{t("nobodyCalled")}</li>}
        {view.called.map((c) => (
          <li key={c.userId} className="flex items-center gap-2 text-sm" data-identity={c.userId}>
            <span className="min-w-0 flex-1 font-medium">{c.name}</span>
            <button
              type="button"
              disabled={action.pending}
              aria-label={t("sendLabel", { name: c.name })}
              onClick={() => act(() => sendBackstageAction(sessionId, c.userId))}
              className={`${button} border-slate-500`}
              data-testid="send-backstage"
            >
              {t("send")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
