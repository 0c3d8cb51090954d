// The attendance report of one session (chosen in ?session=): who was in the forum's room during
// the session, per organisation with a chart, and the CSV export. Times in the event's zone.
import { getTranslations } from "next-intl/server";
import { AttendeeTable } from "@/components/attendance/attendee-table";
import { OrganisationTotals } from "@/components/attendance/organisation-totals";
import { SessionPicker } from "@/components/attendance/session-picker";
import { ExportForm } from "@/components/exports/export-form";
import { sheetZone } from "@/lib/exports/format";
import { speakerName } from "@/components/agenda/speaker-list";
import { firstValues } from "@/lib/agenda/schema";
import { getAttendanceReport, type Organisation } from "@/lib/attendance/data";
import { attendanceQuerySchema } from "@/lib/attendance/schema";
import { orNotFound, pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { dayKey, formatClock, formatClockRange, formatDay, formatShortDate, offsetLabel, zoneName } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AttendancePage({ params, searchParams }: { params: Promise<{ locale: string; slug: string }>; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const q = attendanceQuerySchema.parse(firstValues(await searchParams));
  const t = await getTranslations("attendance");
  const access = await requireOrganizerPage(locale, slug, "/attendance");
  if (!access) return null;
  const now = new Date();
  // The layout explains a refusal; the page then renders nothing. An unknown session is a 404.
  const report = await orNotFound(getAttendanceReport(access, q, now));
  const zone = report.event.timeZone;
  const heading = (
    <>
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
    </>
  );
  if (!report.selected) {
    return (
      <section className="space-y-4">
        {heading}
        <p>{t("noSessions")}</p>
      </section>
    );
  }
  const { forum, session } = report.selected;
  const sessionDay = dayKey(session.startsAt, zone);
  const when = (d: Date) => (dayKey(d, zone) === sessionDay ? formatClock(d, zone) : `${formatShortDate(d, zone, locale)} ${formatClock(d, zone)}`);
  const orgLabel = (o: Organisation) => (o.name ? pickText(o.name, locale) : (o.other ?? t("noOrganisation")));
  const totalMinutes = report.attendees.reduce((sum, a) => sum + a.minutes, 0);
  return (
    <section className="space-y-6">
      {heading}
      <SessionPicker forums={report.forums} selected={session.id} zone={zone} locale={locale} label={t("session")} submit={t("show")} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 className="text-xl font-semibold" data-testid="selected-session">
            {pickText(forum.title, locale)} · {pickText(session.title, locale)}
          </h2>
          <p className="text-slate-700">{t("slot", { day: formatDay(session.startsAt, zone, locale), time: formatClockRange(session.startsAt, session.endsAt, zone) })}</p>
          <p className="text-sm text-slate-600" data-testid="time-zone">
            {t("timesIn", { zone: zoneName(session.startsAt, zone, locale), offset: offsetLabel(session.startsAt, zone) })}
          </p>
        </div>
        <div className="space-y-2">
          <ExportForm action={`/api/organizer/events/${slug}/attendance.csv`} fields={{ session: session.id }} eventZone={zone} eventPlace={sheetZone(zone, locale, session.startsAt)} />
          <ExportForm
            action={`/api/organizer/events/${slug}/chat.csv`}
            fields={{ session: session.id }}
            eventZone={zone}
            eventPlace={sheetZone(zone, locale, session.startsAt)}
            label={t("exportChat")}
            testId="export-chat"
          />
          <ExportForm
            action={`/api/organizer/events/${slug}/qa.csv`}
            fields={{ session: session.id }}
            eventZone={zone}
            eventPlace={sheetZone(zone, locale, session.startsAt)}
            label={t("exportQa")}
            testId="export-qa"
          />
          <ExportForm
            action={`/api/organizer/events/${slug}/polls.csv`}
            fields={{ session: session.id }}
            eventZone={zone}
            eventPlace={sheetZone(zone, locale, session.startsAt)}
            label={t("exportPolls")}
            testId="export-polls"
          />
        </div>
      </div>
      {report.attendees.length === 0 ? (
        <p role="status">{t("empty")}</p>
      ) : (
        <>
          <p role="status" data-testid="attendance-summary">
            {t("summary", { people: report.attendees.length, minutes: totalMinutes })}
          </p>
          <OrganisationTotals
            heading={t("byOrganisation")}
            chartCaption={t("chartCaption")}
            labels={{ organisation: t("organisation"), people: t("people"), minutes: t("minutes") }}
            lines={report.organisations.map((o) => ({ key: o.key, label: orgLabel(o.organisation), people: o.people, minutes: o.minutes }))}
          />
          {report.breakouts.length > 0 && (
            <OrganisationTotals
              heading={t("byBreakout")}
              chartCaption={t("byBreakout")}
              labels={{ organisation: t("breakout"), people: t("people"), minutes: t("minutes") }}
              lines={report.breakouts.map((b) => ({ key: b.id, label: pickText(b.title, locale), people: b.people, minutes: b.minutes }))}
            />
          )}
          <AttendeeTable
            headers={{
              caption: t("attendees"),
              name: t("name"),
              organisation: t("organisation"),
              firstJoined: t("firstJoined"),
              lastLeft: t("lastLeft"),
              minutes: t("minutes"),
              connections: t("connections"),
            }}
            lines={report.attendees.map((a) => ({
              key: a.key,
              name: a.name ? speakerName({ name: a.name, nameLatin: a.nameLatin }, locale) : (a.email ?? a.identity),
              organisation: orgLabel(a.organisation),
              firstJoined: when(a.firstJoinedAt),
              lastLeft: a.lastLeftAt ? when(a.lastLeftAt) : now < forum.endsAt ? t("stillPresent") : t("noLeave"),
              minutes: a.minutes,
              joins: a.joins,
            }))}
          />
        </>
      )}
    </section>
  );
}
