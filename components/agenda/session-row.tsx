// One agenda item: times (viewer's zone and the event's zones), title, badges, speakers, and the
// visitor's "Add to My agenda".
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { AgendaSession } from "@/lib/agenda/types";
import { BookmarkButton } from "@/components/my-agenda/bookmark-button";
import { KindBadge, LanguageBadge, MarkerBadge } from "./badges";
import { LiveStatusBadge, WhileScheduled } from "./live/live-status-badge";
import { SpeakerList } from "./speaker-list";
import { ViewerTime } from "./viewer-time";
import { ZonedTimes } from "./zoned-times";

export function SessionRow({ session, zones, locale, marker }: { session: AgendaSession; zones: ShownZone[]; locale: Locale; marker?: "live" | "next" }) {
  return (
    <li
      className={"grid gap-2 border-t border-slate-200 py-3 sm:grid-cols-[16rem_1fr] " + (marker === "live" ? "bg-red-50 print:bg-white" : marker === "next" ? "bg-amber-50 print:bg-white" : "")}
      data-testid="session-row"
      data-session-id={session.id}
      data-marker={marker ?? ""}
    >
      <div className="px-2">
        <ViewerTime start={session.startsAt.toISOString()} end={session.endsAt.toISOString()} />
        <ZonedTimes start={session.startsAt.toISOString()} end={session.endsAt.toISOString()} zones={zones} />
      </div>
      <div className="space-y-1 px-2">
        <div className="flex flex-wrap items-center gap-2">
          {marker && (
            <WhileScheduled sessionId={session.id} initial={session.status}>
              <MarkerBadge marker={marker} />
            </WhileScheduled>
          )}
          <LiveStatusBadge sessionId={session.id} initial={session.status} hideScheduled slot={{ startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() }} />
          <KindBadge kind={session.kind} />
          <LanguageBadge language={session.language} />
        </div>
        <h4 className="font-semibold">
          <Link href={`/sessions/${session.id}`} className="text-sky-900 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700">
            {pickText(session.title, locale)}
          </Link>
        </h4>
        <SpeakerList speakers={session.speakers} locale={locale} />
        <BookmarkButton sessionId={session.id} title={pickText(session.title, locale)} />
      </div>
    </li>
  );
}
