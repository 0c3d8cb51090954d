"use client";
// On a forum's run sheet: "admission required" for its room, the same switch as the room's Lobby
// list, for an organizer who sets it before going in.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setRequiresAdmissionAction } from "@/lib/lobby/actions";
import { ActionError } from "../action-error";
import { useRoomAction } from "../use-room-action";

export function AdmissionSwitch({ forumId, initial }: { forumId: string; initial: boolean }) {
  const t = useTranslations("lobby.panel");
  const action = useRoomAction();
  const [on, setOn] = useState(initial);
  return (
    <section aria-labelledby="admission-title" className="space-y-2 rounded border border-slate-300 p-3" data-testid="admission-switch" data-on={on}>
      <h2 id="admission-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t("title")}
      </h2>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          checked={on}
          disabled={action.pending}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            action.run(async () => {
              const r = await setRequiresAdmissionAction(forumId, next);
              if (r.ok) setOn(next);
              return r;
            });
          }}
          className="mt-1"
        />
        <span>{t("require")}</span>
      </label>
      <ActionError action={action} />
    </section>
  );
}
