"use client";
// For organizers: raised hands and requests to share a screen, each in the order the server
// received them, with "let speak" / "let share" for the first ones, and "lower all hands".
import { useTranslations } from "next-intl";
import type { Participant } from "livekit-client";
import { lowerAllHandsAction, setShareAction, setSpeakAction } from "@/lib/rooms/actions";
import { formatBrowserClock } from "@/lib/time/zones";
import { displayName, handQueue, readAttributes, shareQueue } from "./attributes";
import { useRoomInfo } from "./room-info";
import type { RoomAction } from "./use-room-action";

const small = "ml-1 rounded border border-sky-800 px-2 py-0.5 text-xs font-medium text-sky-900 disabled:opacity-50";

function clock(iso: string) {
  return formatBrowserClock(new Date(iso), { seconds: true });
}

export function HandQueue({ people, moderation }: { people: Participant[]; moderation: RoomAction }) {
  const t = useTranslations("room.hands");
  const { sessionId, breakoutId } = useRoomInfo();
  const hands = handQueue(people);
  const shares = shareQueue(people);
  return (
    <section aria-labelledby="hand-queue" className="space-y-2 rounded border border-slate-200 p-2" data-testid="hand-queue">
      <h3 id="hand-queue" className="font-semibold">
        {t("title", { count: hands.length })}
      </h3>
      {hands.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {hands.map((p) => {
              const name = displayName(p);
              const at = readAttributes(p.attributes).handRaisedAt!;
              return (
                <li key={p.identity} data-testid="queued-hand" data-identity={p.identity}>
                  <span className="font-medium">{name}</span>{" "}
                  <time dateTime={at} className="text-xs text-slate-600">
                    {clock(at)}
                  </time>{" "}
                  <button type="button" disabled={moderation.pending} onClick={() => moderation.run(() => setSpeakAction(sessionId, p.identity, true, breakoutId))} className={small}>
                    {t("letSpeak", { name: p.name || p.identity })}
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            disabled={moderation.pending}
            onClick={() => moderation.run(() => lowerAllHandsAction(sessionId, breakoutId))}
            className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-50"
          >
            {t("lowerAll")}
          </button>
        </>
      )}
      {shares.length > 0 && (
        <>
          <h3 className="font-semibold">{t("shareTitle", { count: shares.length })}</h3>
          <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="share-requests">
            {shares.map((p) => {
              const at = readAttributes(p.attributes).shareRequestedAt!;
              const name = p.name || p.identity;
              return (
                <li key={p.identity} data-testid="queued-share" data-identity={p.identity}>
                  <span className="font-medium">{displayName(p)}</span>{" "}
                  <time dateTime={at} className="text-xs text-slate-600">
                    {clock(at)}
                  </time>{" "}
                  <button type="button" disabled={moderation.pending} onClick={() => moderation.run(() => setShareAction(sessionId, p.identity, true, breakoutId))} className={small}>
                    {t("letShare", { name })}
                  </button>
                  <button type="button" disabled={moderation.pending} onClick={() => moderation.run(() => setShareAction(sessionId, p.identity, false, breakoutId))} className={small}>
                    {t("declineShare", { name })}
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
