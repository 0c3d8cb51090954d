// A forum's run sheet for the day: clocks, the live and next session, Start / End / Next session,
// and the running order, all following the live stream.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShiftForm } from "@/components/agenda/editor/shift-form";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { RunClocks, type ClockZone } from "@/components/agenda/live/run-clocks";
import { BroadcastBox } from "@/components/broadcast/console/broadcast-box";
import { RunRecordingBox } from "@/components/recordings/console/run-recording-box";
import { CaptionsSwitch } from "@/components/captions/captions-switch";
import { RunSheet, type RunSheetRow, type SheetZone } from "@/components/agenda/live/run-sheet";
import { BreakoutBox } from "@/components/breakouts/breakout-box";
import { BansList } from "@/components/room/bans-list";
import { AdmissionSwitch } from "@/components/room/lobby/admission-switch";
import { RehearsalControl } from "@/components/room/rehearsal-control";
import { liveControlAction } from "@/lib/agenda/live/actions";
import { getBroadcastConsole } from "@/lib/broadcast/data";
import { getLobbySettings } from "@/lib/lobby/data";
import { getBreakoutBoard } from "@/lib/breakouts/data";
import { shiftForumAction } from "@/lib/agenda/editor/actions";
import { getRunSheetOrThrow, type RunSheet as Sheet } from "@/lib/agenda/live/data";
import { orNotFound, pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { getForumRecordingState } from "@/lib/recordings/control";
import { getRehearsal } from "@/lib/rooms/moderation";
import { dayKey, formatDay } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; forumSlug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "live.runSheet" });
  return { title: t("title") };
}

/** The home zone first, then the event's other displayed zones. */
function clockZones(event: Sheet["event"], locale: Locale): ClockZone[] {
  const label = (zone: string) => {
    const shown = event.displayZones.find((z) => z.zone === zone);
    return shown ? `${pickText(shown.label, locale)} ${shown.abbr}` : zone;
  };
  const zones = [event.timeZone, ...event.displayZones.map((z) => z.zone).filter((z) => z !== event.timeZone)];
  return zones.map((zone) => ({ zone, label: label(zone) }));
}

export default async function RunSheetPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { slug, forumSlug } = await params;
  const t = await getTranslations("live.runSheet");
  const access = await requireOrganizerPage(locale, slug, `/forums/${forumSlug}/run`);
  if (!access) return null;
  // The layout explains a refusal; the page then renders nothing.
  const sheet = await orNotFound(getRunSheetOrThrow(access, forumSlug));
  const zones = clockZones(sheet.event, locale);
  const rehearsal = await getRehearsal(access.actor, sheet.forum.id);
  const renderedAt = new Date();
  const [recording, broadcast, lobby, breakouts] = await Promise.all([
    getForumRecordingState(access.actor, sheet.forum.id),
    getBroadcastConsole(access.actor, sheet.forum.id),
    getLobbySettings(sheet.forum.id),
    getBreakoutBoard(sheet.forum.id),
  ]);
  const rows: RunSheetRow[] = sheet.sessions.map((s) => ({ id: s.id, title: pickText(s.title, locale), startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), status: s.status }));
  const first = sheet.sessions[0]?.startsAt;
  // The forum's day in each zone: the header names it, the rows mark a time on another day.
  const sheetZones: SheetZone[] = zones.map((z) => ({ ...z, day: dayKey(first ?? renderedAt, z.zone) }));
  const days = [...new Set(sheetZones.map((z) => z.day))];

  return (
    <LiveStatusProvider slug={slug}>
      <section className="space-y-6" data-testid="run-sheet" data-forum={forumSlug}>
        <header className="space-y-1">
          <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("title")}</p>
          <h1 className="text-3xl font-semibold">{pickText(sheet.forum.title, locale)}</h1>
          {first && (
            <p className="text-slate-700" data-testid="run-day">
              {days.length === 1
                ? `${formatDay(first, sheet.event.timeZone, locale)} (${sheetZones.map((z) => z.label).join(", ")})`
                : sheetZones.map((z) => `${z.label}: ${formatDay(first, z.zone, locale)}`).join(" · ")}
            </p>
          )}
          <p className="max-w-3xl text-slate-700">{t("intro")}</p>
          <Link href={`/events/${slug}/forums/${forumSlug}`} className="text-sky-900 underline">
            {t("backToAgenda")}
          </Link>
        </header>
        <section aria-labelledby="clocks" className="space-y-2">
          <h2 id="clocks" className="text-xl font-semibold">
            {t("clocks")}
          </h2>
          <RunClocks zones={zones} renderedAt={renderedAt.getTime()} />
        </section>
        <BroadcastBox forumId={sheet.forum.id} initial={broadcast} zones={zones} />
        <RunRecordingBox slug={slug} forumId={sheet.forum.id} forumTitle={pickText(sheet.forum.title, locale)} initial={recording} />
        <RehearsalControl forumId={sheet.forum.id} initialUntil={rehearsal?.toISOString() ?? null} zone={sheet.event.timeZone} />
        <AdmissionSwitch forumId={sheet.forum.id} initial={lobby.requiresAdmission} />
        <CaptionsSwitch forumId={sheet.forum.id} initial={sheet.forum.captions} />
        <BansList forumId={sheet.forum.id} showEmpty />
        <RunSheet
          sessions={rows}
          zones={sheetZones}
          action={liveControlAction.bind(null, slug, forumSlug)}
          shiftControl={
            <ShiftForm
              forumId={sheet.forum.id}
              zone={sheet.event.timeZone}
              sessions={sheet.sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt.toISOString(), status: s.status }))}
              shift={shiftForumAction.bind(null, slug)}
            />
          }
        />
        <BreakoutBox initial={breakouts} />
      </section>
    </LiveStatusProvider>
  );
}
