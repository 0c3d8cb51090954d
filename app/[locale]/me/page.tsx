// "My conference": registration status and role, the person's forums and sessions in their own
// time zone (with the event's zones beside), the personal calendar feed, and cancelling.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/field";
import { getEnv } from "@/lib/env";
import { pageLocale, requirePageActor } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { cancelAction } from "@/lib/registration/actions";
import { getMyConference } from "@/lib/registration/me";
import { formatClockRange, formatDay, offsetLabel } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "me" }))("title") };
}

export default async function MePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, "/me");
  const t = await getTranslations("me");
  const ts = await getTranslations("registrationStatuses");
  const tr = await getTranslations("roles");
  const { registered, cancelled } = await searchParams;
  const registrations = await getMyConference(actor.userId);
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      {registered && <FormAlert tone="info" message={t("registered")} />}
      {cancelled && <FormAlert tone="info" message={t("cancelledNotice")} />}
      {registrations.length === 0 && <p>{t("none")}</p>}
      {registrations.map((r) => {
        const { event } = r.agenda;
        const feed = `${getEnv().PUBLIC_BASE_URL}/api/me/calendar/${r.calendarToken}`;
        return (
          <article key={r.id} className="space-y-4 rounded border border-slate-200 p-4" data-testid="my-registration">
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
              <dd>
                {r.timeZone} ({offsetLabel(event.startsAt, r.timeZone)})
              </dd>
            </dl>
            {r.status !== "cancelled" && r.status !== "declined" && (
              <>
                <h3 className="text-xl font-semibold">{t("mySessions")}</h3>
                {r.agenda.forums.map((f) => (
                  <section key={f.id} aria-labelledby={`my-forum-${f.id}`}>
                    <h4 id={`my-forum-${f.id}`} className="font-semibold">
                      {pickText(f.title, locale)}
                    </h4>
                    <ol className="mt-1 space-y-2" data-testid="my-sessions">
                      {f.sessions.map((s) => (
                        <li key={s.id} className="grid gap-1 border-t border-slate-200 pt-2 sm:grid-cols-[16rem_1fr]">
                          <div>
                            <p className="font-semibold" data-testid="my-time">
                              {formatDay(s.startsAt, r.timeZone, locale)} · {formatClockRange(s.startsAt, s.endsAt, r.timeZone)} ({offsetLabel(s.startsAt, r.timeZone)})
                            </p>
                            <ZonedTimes start={s.startsAt} end={s.endsAt} zones={event.displayZones} locale={locale} homeZone={r.timeZone} />
                          </div>
                          <Link href={`/sessions/${s.id}`} className="text-sky-900 underline">
                            {pickText(s.title, locale)}
                          </Link>
                        </li>
                      ))}
                    </ol>
                  </section>
                ))}
                <div className="space-y-1">
                  <h3 className="text-xl font-semibold">{t("calendarTitle")}</h3>
                  <p className="text-sm text-slate-700">{t("calendarHint")}</p>
                  <input readOnly value={feed} aria-label={t("calendarTitle")} className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-sm" data-testid="calendar-feed" />
                </div>
                <form action={cancelAction.bind(null, event.slug, locale)}>
                  <ConfirmButton message={t("cancelConfirm")} className="rounded border border-red-800 px-4 py-2 text-red-900 focus-visible:outline-2 focus-visible:outline-red-800">
                    {t("cancel")}
                  </ConfirmButton>
                  <p className="mt-1 text-sm text-slate-600">{t("cancelHint")}</p>
                </form>
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
