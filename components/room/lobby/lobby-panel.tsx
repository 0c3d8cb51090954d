"use client";
// In the room's people panel, for organizers: "admission required" for the forum, who waits in the
// lobby (name, organisation, role, registration, how long), and Admit / Turn away / Admit all.
// Decided people stay listed below, so a turn-away can be undone and an admission revoked.
import { useLocale, useTranslations } from "next-intl";
import { admitAllAction, decideLobbyAction, setRequiresAdmissionAction } from "@/lib/lobby/actions";
import type { LobbyPerson } from "@/lib/lobby/data";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { useRoomInfo } from "../room-info";
import { useNow } from "../use-now";
import { PanelSwitch } from "../panel-switch";
import { useRoomAction, type RoomAction } from "../use-room-action";
import type { Lobby } from "./use-lobby";

const button = "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-50";

function PersonRow({ person, action, refresh }: { person: LobbyPerson; action: RoomAction; refresh: () => Promise<unknown> }) {
  const t = useTranslations("lobby.panel");
  const tRole = useTranslations("room.people.roles");
  const locale = useLocale() as Locale;
  const { forumId } = useRoomInfo();
  const now = useNow();
  const decide = (decision: "admit" | "refuse") =>
    action.run(async () => {
      const r = await decideLobbyAction(forumId, person.userId, decision);
      await refresh();
      return r;
    });
  const minutes = Math.max(0, Math.floor((now - person.since) / 60_000));
  return (
    <li className="space-y-1 rounded border border-slate-200 p-2 text-sm" data-testid="lobby-person" data-user={person.userId} data-status={person.status}>
      <p className="font-semibold">{person.name}</p>
      <p className="text-slate-700">{[person.organization && pickText(person.organization, locale), tRole(person.role), t(`registration.${person.registration}`)].filter(Boolean).join(" · ")}</p>
      <p className="text-slate-700">{person.status === "waiting" ? t("waitedFor", { minutes }) : t(`status.${person.status}`)}</p>
      <div className="flex flex-wrap gap-2">
        {person.status !== "admitted" && (
          <button
            type="button"
            disabled={action.pending}
            onClick={() => decide("admit")}
            className={`${button} bg-sky-900 text-white`}
            aria-label={t("admitName", { name: person.name })}
            data-testid="lobby-admit"
          >
            {t("admit")}
          </button>
        )}
        {person.status !== "refused" && (
          <button
            type="button"
            disabled={action.pending}
            onClick={() => decide("refuse")}
            className={`${button} border border-slate-500`}
            aria-label={t("refuseName", { name: person.name })}
            data-testid="lobby-refuse"
          >
            {t("refuse")}
          </button>
        )}
      </div>
    </li>
  );
}

export function LobbyPanel({ lobby }: { lobby: Lobby }) {
  const t = useTranslations("lobby.panel");
  const { forumId } = useRoomInfo();
  const { view, failed, refresh, waiting } = lobby;
  const action = useRoomAction();
  // The switch shows the organizer's choice at once, and the server's once it has answered.
  const waitingPeople = view?.people.filter((p) => p.status === "waiting") ?? [];
  const decided = view?.people.filter((p) => p.status !== "waiting") ?? [];
  return (
    <section aria-labelledby="lobby-panel-title" className="space-y-2 rounded border border-slate-300 p-3" data-testid="lobby-panel" data-waiting={waiting}>
      <h3 id="lobby-panel-title" className="font-semibold">
        {t("title")} {waiting > 0 && <span className="ml-1 rounded-full bg-amber-300 px-2 text-xs text-slate-950">{waiting}</span>}
      </h3>
      {failed && !view && <p className="text-sm text-slate-700">{t("unavailable")}</p>}
      {view && (
        <>
          <PanelSwitch on={view.requiresAdmission} label={t("require")} testId="lobby-require" action={action} save={(on) => setRequiresAdmissionAction(forumId, on)} refresh={refresh} />
          <p className="text-sm" aria-live="polite">
            {waiting > 0 ? t("waitingCount", { count: waiting }) : t("empty")}
          </p>
          {waiting > 1 && (
            <button
              type="button"
              disabled={action.pending}
              onClick={() => action.run(() => admitAllAction(forumId).finally(refresh))}
              className={`${button} bg-sky-900 text-white`}
              data-testid="lobby-admit-all"
            >
              {t("admitAll")}
            </button>
          )}
          <ul className="space-y-2" aria-label={t("title")} data-testid="lobby-waiting">
            {waitingPeople.map((p) => (
              <PersonRow key={p.userId} person={p} action={action} refresh={refresh} />
            ))}
          </ul>
          {decided.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer">{t("decided")}</summary>
              <ul className="mt-2 space-y-2" data-testid="lobby-decided">
                {decided.map((p) => (
                  <PersonRow key={p.userId} person={p} action={action} refresh={refresh} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
