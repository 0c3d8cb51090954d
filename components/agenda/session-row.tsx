"use client";
// One agenda item: times (viewer's zone and the event's zones), title, badges, speakers, and the
// visitor's "Add to My agenda". A client component fed compact rows (lib/agenda/rows.ts), so the
// page's React payload carries each session's data once rather than its whole markup again.
import { useLocale, useTranslations } from "next-intl";
import { BookmarkButton } from "@/components/my-agenda/bookmark-button";
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { RowSession, RowSpeaker, RowText } from "@/lib/agenda/rows";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { LiveStatusBadge, WhileScheduled } from "./live/live-status-badge";
import { SpeakerName } from "./speaker-list";
import { ViewerTime } from "./viewer-time";
import { ZonedTimes } from "./zoned-times";

function MarkerBadge({ marker }: { marker: "live" | "next" }) {
  const t = useTranslations("agenda");
  return marker === "live" ? (
    <span className="badge bg-red-700 text-white" data-testid="live-marker">
      <span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-white motion-safe:animate-pulse" />
      {t("liveNow")}
    </span>
  ) : (
    <span className="badge bg-amber-200 text-amber-950" data-testid="next-marker">
      {t("upNext")}
    </span>
  );
}

function Speakers({ speakers, orgs, locale }: { speakers: RowSpeaker[]; orgs: RowText[]; locale: Locale }) {
  if (speakers.length === 0) return null;
  return (
    <ul className="row-meta">
      {speakers.map((sp, i) => {
        const org = sp.org === undefined ? undefined : orgs[sp.org];
        return (
          <li key={`${sp.name}-${i}`} className="speaker">
            <span>
              <SpeakerName sp={{ name: sp.name, nameLatin: sp.latin ?? null }} locale={locale} />
            </span>
            {org && <span className="org">, {org.lang ? <span lang={org.lang}>{org.text}</span> : org.text}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function SessionRow({ session, zones, orgs }: { session: RowSession; zones: ShownZone[]; orgs: RowText[] }) {
  const locale = useLocale() as Locale;
  const tk = useTranslations("kinds");
  const tl = useTranslations("languages");
  const { marker } = session;
  const slot = { startsAt: session.startsAt, endsAt: session.endsAt };
  return (
    <li
      className={`agenda-row${marker === "live" ? " bg-red-50 print:bg-white" : marker === "next" ? " bg-amber-50 print:bg-white" : ""}`}
      data-testid="session-row"
      data-session-id={session.id}
      data-marker={marker ?? undefined}
    >
      <div className="px-2">
        <ViewerTime start={session.startsAt} end={session.endsAt} />
        <ZonedTimes start={session.startsAt} end={session.endsAt} zones={zones} />
      </div>
      <div className="row-main">
        <div className="row-badges">
          {marker && (
            <WhileScheduled sessionId={session.id} initial={session.status}>
              <MarkerBadge marker={marker} />
            </WhileScheduled>
          )}
          <LiveStatusBadge sessionId={session.id} initial={session.status} hideScheduled slot={slot} />
          <span className="badge badge-kind">{tk(session.kind)}</span>
          <span className="badge badge-lang" data-testid="session-language">
            {tl(session.language)}
          </span>
        </div>
        <h4>
          <Link href={`/sessions/${session.id}`} className="title-link">
            {session.title}
          </Link>
        </h4>
        <Speakers speakers={session.speakers} orgs={orgs} locale={locale} />
        <BookmarkButton sessionId={session.id} title={session.title} />
      </div>
    </li>
  );
}
