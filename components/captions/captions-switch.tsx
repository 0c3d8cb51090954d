"use client";
// The run sheet's Live captions box: whether the forum's stage is captioned automatically (on by
// default); the change reaches an open room at once (lib/captions/control.ts).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionError } from "@/components/room/action-error";
import { useRoomAction } from "@/components/room/use-room-action";
import { setForumCaptionsAction } from "@/lib/captions/actions";

export function CaptionsSwitch({ forumId, initial }: { forumId: string; initial: boolean }) {
  const t = useTranslations("captions.switch");
  const action = useRoomAction();
  const [on, setOn] = useState(initial);
  const id = `captions-${forumId}`;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded border border-slate-300 p-3" data-testid="captions-switch" data-on={on}>
      <h2 id={`${id}-title`} className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t("title")}
      </h2>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          checked={on}
          disabled={action.pending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            action.run(async () => {
              const r = await setForumCaptionsAction(forumId, next);
              if (r.ok) setOn(next);
              return r;
            });
          }}
          className="mt-1"
        />
        <label htmlFor={id}>{t("label")}</label>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t("hint")}
      </p>
      <ActionError action={action} />
    </section>
  );
}
