// "My conference": registration status and role; My agenda (the sessions the person saved or speaks
// in) and their forums' sessions, by day in the time zone they chose, with the event's zones beside;
// their mail language, zone and reminders; the personal calendar feed; and cancelling. A link to the
// event's one-to-one meetings carries the number of requests waiting for an answer.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FixedZone } from "@/components/agenda/day-context";
import { ViewerDays } from "@/components/agenda/viewer-days";
import { VisitorProvider } from "@/components/event/visitor";
import { MySessions } from "@/components/my-agenda/my-sessions";
import { PreferencesForm } from "@/components/my-agenda/preferences-form";
import { ZoneNotice } from "@/components/my-agenda/zone-notice";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/field";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import type { Agenda } from "@/lib/agenda/types";
import { getEnv } from "@/lib/env";
import { pageLocale, requirePageActor } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { preferencesAction } from "@/lib/my-agenda/actions";
import { cancelAction } from "@/lib/registration/actions";
import { getPendingMeetingCounts } from "@/lib/meetings/data";
import { getMyConference } from "@/lib/registration/me";
import { zoneLabel } from "@/lib/time/zone-names";
import { PageMessages } from "@/components/ui/page-messages";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "me" }))("title") };
}

/** An agenda's forums under the days of the person's zone, each forum with its sessions. */
function Programme({ agenda, locale, marks, testId, id }: { agenda: Agenda; locale: Locale; marks: { bookmarked: Set<string>; speaking: Set<string> }; testId: string; id: string }) {
  const { event } = agenda;
  const zones = shownZones(event.displayZones, locale);
  return (
    <ViewerDays
      homeZone={event.timeZone}
      homePlace={zonePlace(event.timeZone, event.displayZones, locale)}
      level={4}
      testId={testId}
      idPrefix={id}
      items={agenda.forums.map((f) => ({ key: f.id, startsAt: f.startsAt.toISOString(), node: <MySessions forum={f} zones={zones} locale={locale} marks={marks} /> }))}
    />
  );
}

export default async function MePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, "/me");
  const t = await getTranslations("me");
  const ta = await getTranslations("myAgenda");
  const ts = await getTranslations("registrationStatuses");
  const tr = await getTranslations("roles");
  const { registered, cancelled } = await searchParams;
  const tm = await getTranslations("meetings");
  const [mine, waiting] = await Promise.all([getMyConference(actor.userId), getPendingMeetingCounts(actor.userId)]);
  const marks = { bookmarked: mine.bookmarked, speaking: mine.speaking };
  const defaultMinutes = getEnv().REMINDER_LEAD_MINUTES;
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-6">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        {registered && <FormAlert tone="info" message={t("registered")} />}
        {cancelled && <FormAlert tone="info" message={t("cancelledNotice")} />}
        {mine.registrations.length === 0 && <p>{t("none")}</p>}
        {mine.registrations.map((r) => {
          const { event } = r.agenda;
          const feed = `${getEnv().PUBLIC_BASE_URL}/api/me/calendar/${r.calendarToken}`;
          const active = r.status !== "cancelled" && r.status !== "declined";
          const action = preferencesAction.bind(null, event.slug);
          const visitor = { signedIn: true, registration: null, registrationOpen: false, bookmarks: [...mine.bookmarked], extensions: {}, rehearsals: {} };
          return (
            <article key={r.id} className="space-y-4 rounded border border-slate-200 p-4" data-testid="my-registration" data-zone={r.timeZone}>
              <h2 className="text-2xl font-semibold">
                <Link href={`/events/${event.slug}`} className="text-sky-900 underline-offset-4 hover:underline">
                  {pickText(event.title, locale)}
                </Link>
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="font-medium">{t("status")}</dt>
                <dd data-testid="my-status">
                  {ts(r.status)}
                  {r.waitlistPosition && ` · ${t("waitlistPosition", { position: r.waitlistPosition })}`}
                </dd>
                <dt className="font-medium">{t("role")}</dt>
                <dd data-testid="my-role">
                  {tr(r.role)}
                  {r.requestedRole && <span className="block text-sm text-slate-700">{t("requestedRole", { role: tr(r.requestedRole) })}</span>}
                  {r.requestedOrganization && (
                    <span className="block text-sm text-slate-700">
                      {t("requestedOrganization", { organization: typeof r.requestedOrganization === "string" ? r.requestedOrganization : pickText(r.requestedOrganization, locale) })}
                    </span>
                  )}
                </dd>
                <dt className="font-medium">{t("timeZone")}</dt>
                <dd data-testid="my-zone" title={r.timeZone}>
                  {zoneLabel(r.timeZone, locale, event.startsAt)}
                </dd>
              </dl>
              {active && r.role !== "audience" && (
                <p data-testid="my-meetings">
                  <Link href={`/events/${event.slug}/meetings`} className="font-medium text-sky-900 underline">
                    {tm("link")}
                  </Link>
                  {!!waiting.get(event.slug) && <span className="ml-2 rounded-full bg-amber-200 px-2 py-0.5 text-sm text-amber-950">{tm("waiting", { count: waiting.get(event.slug)! })}</span>}
                </p>
              )}
              {active && (
                <FixedZone zone={r.timeZone}>
                  <VisitorProvider slug={event.slug} initial={visitor}>
                    <ZoneNotice action={action} chosen={r.timeZone} language={r.preferredLanguage} reminderMinutes={mine.reminderMinutes} />
                    <section aria-labelledby={`my-agenda-${r.id}`} className="space-y-2">
                      <h3 id={`my-agenda-${r.id}`} className="text-xl font-semibold">
                        {ta("title")}
                      </h3>
                      {r.personal.forums.length === 0 ? (
                        <p className="text-slate-700">{ta("empty")}</p>
                      ) : (
                        <Programme agenda={r.personal} locale={locale} marks={marks} testId="my-agenda-day" id={`my-agenda-${r.id}`} />
                      )}
                    </section>
                    <section aria-labelledby={`my-sessions-${r.id}`} className="space-y-2">
                      <h3 id={`my-sessions-${r.id}`} className="text-xl font-semibold">
                        {t("mySessions")}
                      </h3>
                      <Programme agenda={r.agenda} locale={locale} marks={marks} testId="my-day" id={`my-day-${r.id}`} />
                    </section>
                  </VisitorProvider>
                  <section aria-labelledby={`my-preferences-${r.id}`} className="space-y-2">
                    <h3 id={`my-preferences-${r.id}`} className="text-xl font-semibold">
                      {ta("preferences")}
                    </h3>
                    <PreferencesForm
                      action={action}
                      id={`pref-${r.id}`}
                      language={r.preferredLanguage}
                      timeZone={r.timeZone}
                      reminderMinutes={mine.reminderMinutes}
                      defaultMinutes={defaultMinutes}
                      eventZones={event.displayZones.map((z) => z.zone)}
                    />
                  </section>
                  <div className="space-y-1">
                    <h3 className="text-xl font-semibold">{t("calendarTitle")}</h3>
                    <p className="text-sm text-slate-700">{t("calendarHint")}</p>
                    <input
                      readOnly
                      value={feed}
                      aria-label={t("calendarTitle")}
                      className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-sm"
                      data-testid="calendar-feed"
                    />
                  </div>
                  <form action={cancelAction.bind(null, event.slug, locale)}>
                    <ConfirmButton message={t("cancelConfirm")} className="rounded border border-red-800 px-4 py-2 text-red-900 focus-visible:outline-2 focus-visible:outline-red-800">
                      {t("cancel")}
                    </ConfirmButton>
                    <p className="mt-1 text-sm text-slate-600">{t("cancelHint")}</p>
                  </form>
                </FixedZone>
              )}
            </article>
          );
        })}
      </section>
    </PageMessages>
  );
}
