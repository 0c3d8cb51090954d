"use client";
// For organizers, in the room's people panel and on the forum's run sheet: who was removed from
// the forum's room and is kept out of it, with "Let back in". Read when shown and after every
// moderation action (a removal adds to it).
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { RoomBanView } from "@/lib/rooms/bans";
import { liftBanAction, listBansAction } from "@/lib/rooms/actions";
import { useRoomAction } from "./use-room-action";
import { ActionError } from "./action-error";

export function BansList({ forumId, refreshKey, showEmpty = false }: { forumId: string; refreshKey?: unknown; showEmpty?: boolean }) {
  const t = useTranslations("room.bans");
  const [bans, setBans] = useState<RoomBanView[] | null>(null);
  const [version, setVersion] = useState(0);
  const action = useRoomAction();
  useEffect(() => {
    let live = true;
    listBansAction(forumId).then(
      (r) => live && r.ok && setBans(r.data),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [forumId, refreshKey, version]);
  if (!bans || (bans.length === 0 && !showEmpty)) return null;
  return (
    <section aria-labelledby="bans-title" className="space-y-2 rounded border border-slate-200 p-2" data-testid="room-bans">
      <h3 id="bans-title" className="font-semibold">
        {t("title", { count: bans.length })}
      </h3>
      <p className="text-xs text-slate-600">{bans.length === 0 ? t("none") : t("hint")}</p>
      <ul className="space-y-1 text-sm">
        {bans.map((b) => (
          <li key={b.userId} className="flex flex-wrap items-center gap-2" data-testid="banned-person" data-identity={b.userId}>
            <span className="font-medium">{b.nameLatin && b.nameLatin !== b.name ? `${b.name} · ${b.nameLatin}` : b.name}</span>
            <button
              type="button"
              disabled={action.pending}
              onClick={() =>
                action.run(async () => {
                  const r = await liftBanAction(forumId, b.userId);
                  setVersion((v) => v + 1);
                  return r;
                })
              }
              className="ml-auto rounded border border-slate-400 px-2 py-0.5 text-xs font-medium disabled:opacity-50"
            >
              {t("letBack", { name: b.name })}
            </button>
          </li>
        ))}
      </ul>
      <ActionError action={action} />
    </section>
  );
}
