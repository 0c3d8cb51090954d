// The "Join" part of a session page, for this visitor at this moment. A Join link only when the
// room would let them in (the room's own rule, lib/rooms/grants.ts, decides); otherwise their next
// step in words — sign in, register, wait for approval, when the room opens — and once the session
// is over, what became of its recording, in agreement with the player below. The link is a plain
// <a>: the room's document must load in full, because a page's Permissions-Policy (camera and
// microphone only in rooms) is fixed when it loads.
import { getTranslations } from "next-intl/server";
import type { AgendaForum, AgendaSession } from "@/lib/agenda/types";
import { effectiveStatus, forumRoom, joinAdvice, type VisitorSnapshot } from "@/lib/event-state/state";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { visitorMayWait } from "@/lib/lobby/rules";
import type { RecordingAvailability } from "@/lib/recordings/availability";
import { OPENS_BEFORE_MS } from "@/lib/rooms/grants";
import { ZonedInstant } from "./zoned-instant";

interface Props {
  session: AgendaSession;
  forum: AgendaForum;
  slug: string;
  locale: Locale;
  now: Date;
  visitor: VisitorSnapshot;
  recording: RecordingAvailability["kind"];
  zone: string;
  place: string;
}

const box = "space-y-2 rounded border border-slate-200 p-3 print:hidden";
const link = "text-sky-900 underline";

export async function JoinControl({ session, forum, slug, locale, now, visitor, recording, zone, place }: Props) {
  const t = await getTranslations("join");
  const tr = await getTranslations("roles");
  const room = forumRoom(forum, visitor);
  const roomOver = now.getTime() >= Math.max(forum.endsAt.getTime(), room.closesAt?.getTime() ?? 0);
  const here = `/${locale}/sessions/${session.id}`;

  if (effectiveStatus(session, now) === "ended" || roomOver) {
    const ended = { watch: "endedRecording", signIn: "endedRecordingSignIn", approved: "endedRecordingApproved", none: "ended" } as const;
    return (
      <div className={box} data-testid="join-control" data-state="ended">
        <p data-testid="join-reason">
          {t(ended[recording])}{" "}
          {recording === "signIn" && (
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={link}>
              {t("signInLink")}
            </Link>
          )}
        </p>
      </div>
    );
  }

  const advice = joinAdvice(visitor, room, now, visitor.registrationOpen);
  const opens = new Date(forum.startsAt.getTime() - OPENS_BEFORE_MS);
  return (
    <div className={box} data-testid="join-control" data-state={advice}>
      {advice === "join" ? (
        <>
          <a
            href={`${here}/live`}
            className="inline-block rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
            data-testid="join-link"
          >
            {t("button")}
          </a>
          <p className="text-sm text-slate-700" data-testid="join-reason">
            {t("ready", { role: tr(visitor.registration!.role) })}
          </p>
        </>
      ) : (
        <>
          {now < opens && (
            <p data-testid="join-opens">
              {t("opens")} <ZonedInstant at={opens.toISOString()} zone={zone} place={place} />
            </p>
          )}
          {advice !== "roomNotOpenYet" && (
            <p data-testid="join-reason">
              {t(advice)}{" "}
              {advice === "signIn" && (
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={link} data-testid="join-sign-in">
                  {t("signInLink")}
                </Link>
              )}
              {advice === "register" && (
                <Link href={`/events/${slug}/register`} className={link}>
                  {t("registerLink")}
                </Link>
              )}
              {advice === "watchOnly" && (
                <Link href={`/events/${slug}/forums/${forum.slug}/watch`} className={link} data-testid="join-watch">
                  {t("watchLink")}
                </Link>
              )}
            </p>
          )}
          {/* Early or undecided: the lobby, where an organizer may let them in (lib/lobby). */}
          {visitorMayWait(visitor.registration, room, now) && (
            <a href={`${here}/live`} className={link} data-testid="join-lobby">
              {t("lobbyLink")}
            </a>
          )}
        </>
      )}
    </div>
  );
}
