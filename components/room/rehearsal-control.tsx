"use client";
// On a forum's run sheet: open its room for a rehearsal at any time (speakers and interpreters may
// join until it ends), or end it.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/routing";
import { endRehearsalAction, openRehearsalAction } from "@/lib/rooms/actions";
import { formatShortDateTimeZone } from "@/lib/time/zones";
import { ActionError } from "./action-error";
import { useRoomAction } from "./use-room-action";

const REHEARSAL_MINUTES = 120;

export function RehearsalControl({ forumId, initialUntil, zone }: { forumId: string; initialUntil: string | null; zone: string }) {
  const t = useTranslations("room.rehearsal");
  const action = useRoomAction();
  const [until, setUntil] = useState<string | null>(initialUntil);
  const locale = useLocale() as Locale;
  // With its date: a rehearsal opened late in the evening ends on the next day.
  const time = (iso: string) => formatShortDateTimeZone(new Date(iso), zone, locale);
  return (
    <section aria-labelledby="rehearsal-title" className="space-y-2 rounded border border-slate-300 p-3" data-testid="rehearsal" data-open={!!until}>
      <h2 id="rehearsal-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t("title")}
      </h2>
      <p role="status">{until ? t("openUntil", { time: time(until) }) : t("closed")}</p>
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={action.pending}
          onClick={() =>
            action.run(async () => {
              const r = await openRehearsalAction(forumId, REHEARSAL_MINUTES);
              if (r.ok) setUntil(r.data);
              return r;
            })
          }
          className="rounded border border-sky-800 px-3 py-1.5 font-medium text-sky-900 disabled:opacity-50"
        >
          {until ? t("extend", { hours: REHEARSAL_MINUTES / 60 }) : t("open", { hours: REHEARSAL_MINUTES / 60 })}
        </button>
        {until && (
          <button
            type="button"
            disabled={action.pending}
            onClick={() =>
              action.run(async () => {
                const r = await endRehearsalAction(forumId);
                if (r.ok) setUntil(null);
                return r;
              })
            }
            className="rounded border border-slate-400 px-3 py-1.5 font-medium disabled:opacity-50"
          >
            {t("end")}
          </button>
        )}
      </div>
      <ActionError action={action} />
    </section>
  );
}
