// The "Join" control of a session page: while the forum's room is open it links to the live room
// (which checks the viewer's registration); otherwise it is shown disabled, with the reason in
// words (never hidden). The link is a plain <a>: the room's document must load in full, because
// a page's Permissions-Policy (camera and microphone only in rooms) is fixed when it loads.
import { getTranslations } from "next-intl/server";
import type { AgendaEvent, AgendaForum, AgendaSession } from "@/lib/agenda/types";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatClock } from "@/lib/time/zones";

/** The forum's room opens this long before its block. */
export const JOIN_LEAD_MS = 15 * 60 * 1000;

export type JoinState = "ended" | "notYet" | "signIn";

export function joinState(session: AgendaSession, forum: AgendaForum, now: Date): JoinState {
  if (session.status === "ended" || now >= forum.endsAt) return "ended";
  if (now.getTime() < forum.startsAt.getTime() - JOIN_LEAD_MS) return "notYet";
  return "signIn";
}

export async function JoinControl({
  session,
  forum,
  event,
  locale,
  now,
}: {
  session: AgendaSession;
  forum: AgendaForum;
  event: AgendaEvent;
  locale: Locale;
  now: Date;
}) {
  const t = await getTranslations("join");
  const state = joinState(session, forum, now);
  const opens = new Date(forum.startsAt.getTime() - JOIN_LEAD_MS);
  const home = event.displayZones.find((z) => z.zone === event.timeZone) ?? event.displayZones[0];
  const reason =
    state === "notYet"
      ? t("notYet", { time: formatClock(opens, event.timeZone), zone: home ? `${pickText(home.label, locale)} ${home.abbr}` : event.timeZone })
      : t(state);
  if (state === "signIn") {
    return (
      <div className="rounded border border-slate-200 p-3 print:hidden">
        <a href={`/${locale}/sessions/${session.id}/live`} className="inline-block rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700" data-testid="join-link">
          {t("button")}
        </a>
        <p className="mt-2 text-sm text-slate-700" data-testid="join-reason">
          {t("signIn")}
        </p>
      </div>
    );
  }
  return (
    <div className="rounded border border-slate-200 p-3 print:hidden">
      <button type="button" disabled aria-describedby="join-reason" className="cursor-not-allowed rounded bg-slate-300 px-4 py-2 font-medium text-slate-700">
        {t("button")}
      </button>
      <p id="join-reason" className="mt-2 text-sm text-slate-700" data-testid="join-reason">
        {reason}
      </p>
    </div>
  );
}
