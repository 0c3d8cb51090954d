"use client";
// Raised hands in the order they went up, for organizers: let the first one speak, or lower all.
import { useTranslations } from "next-intl";
import type { Participant } from "livekit-client";
import { lowerAllHandsAction, setSpeakAction } from "@/lib/rooms/actions";
import { handQueue, readAttributes } from "./attributes";
import { useRoomInfo } from "./room-info";
import type { useModeration } from "./use-moderation";

function clock(iso: string) {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(iso));
}

export function HandQueue({ people, moderation }: { people: Participant[]; moderation: ReturnType<typeof useModeration> }) {
  const t = useTranslations("room.hands");
  const { sessionId } = useRoomInfo();
  const queue = handQueue(people);
  return (
    <section aria-labelledby="hand-queue" className="space-y-2 rounded border border-slate-200 p-2" data-testid="hand-queue">
      <h3 id="hand-queue" className="font-semibold">
        {t("title", { count: queue.length })}
      </h3>
      {queue.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {queue.map((p) => {
              const name = p.name || p.identity;
              const at = readAttributes(p.attributes).handRaisedAt!;
              return (
                <li key={p.identity} data-testid="queued-hand" data-identity={p.identity}>
                  <span className="font-medium">{name}</span> <time dateTime={at} className="text-xs text-slate-600">{clock(at)}</time>{" "}
                  {!p.permissions?.canPublish && (
                    <button
                      type="button"
                      disabled={moderation.pending}
                      onClick={() => moderation.run(() => setSpeakAction(sessionId, p.identity, true))}
                      className="ml-1 rounded border border-sky-800 px-2 py-0.5 text-xs font-medium text-sky-900 disabled:opacity-50"
                    >
                      {t("letSpeak", { name })}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          <button type="button" disabled={moderation.pending} onClick={() => moderation.run(() => lowerAllHandsAction(sessionId))} className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-50">
            {t("lowerAll")}
          </button>
        </>
      )}
    </section>
  );
}
