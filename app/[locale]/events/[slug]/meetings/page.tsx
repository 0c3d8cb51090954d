// One-to-one meetings of an event (/{locale}/events/{slug}/meetings): requests to answer, the
// viewer's own requests, accepted meetings with their room, earlier ones, and a request form. Every
// time on the viewer's clock (their registration's zone) with the event's zones beside it.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/meetings/auto-refresh";
import { MeetingItem } from "@/components/meetings/meeting-item";
import { RequestForm } from "@/components/meetings/request-form";
import { AllMessages } from "@/components/ui/all-messages";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { FormAlert } from "@/components/ui/field";
import { PageSection } from "@/components/ui/page-section";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import { orNotFound, pageLocale, requirePageActor } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { getMeetingCandidates, getMeetingContextOrThrow, getMyMeetings, type MeetingEvent, type MeetingRow } from "@/lib/meetings/data";
import { mayMeet, type MeetingCommand } from "@/lib/meetings/rules";
import { zoneLabel } from "@/lib/time/zone-names";
import { dayKey, formatDay, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "meetings" }))("title") };
}

/** The first and last minute of the event's days (its dates in its home zone), on the viewer's clock. */
function eventDays(event: MeetingEvent, zone: string, now: Date) {
  const home = event.timeZone;
  const first = zonedLocalToUtc(`${dayKey(event.startsAt, home)}T00:00`, home) ?? event.startsAt;
  const last = zonedLocalToUtc(`${dayKey(event.endsAt, home)}T23:55`, home) ?? event.endsAt;
  const from = first > now ? first : new Date(Math.ceil(now.getTime() / 300_000) * 300_000);
  return { first, last, min: utcToZonedLocal(from, zone), max: utcToZonedLocal(last, zone) };
}

function commandsFor(m: MeetingRow, now: Date): MeetingCommand[] {
  if (m.status === "requested" && m.startsAt > now) return m.mine === "invited" ? ["accept", "decline"] : ["withdraw"];
  if (m.status === "accepted" && m.endsAt > now) return ["cancel"];
  return [];
}

export default async function MeetingsPage({ params }: { params: Params }) {
  const locale = (await pageLocale(params)) as Locale;
  const { slug } = await params;
  const actor = await requirePageActor(locale, `/events/${slug}/meetings`);
  const t = await getTranslations("meetings");
  const { event, viewer } = await orNotFound(getMeetingContextOrThrow(slug, actor.userId));
  const now = new Date();
  const allowed = mayMeet(event.policy, viewer);
  const zone = viewer?.timeZone ?? event.timeZone;
  const zones = shownZones(event.displayZones, locale);
  const [meetings, candidates] = viewer ? await Promise.all([getMyMeetings(event.id, actor.userId), allowed ? getMeetingCandidates(event, actor.userId) : []]) : [[], []];
  const title = pickText(event.title, locale);
  const lists = {
    incoming: meetings.filter((m) => m.mine === "invited" && m.status === "requested" && m.startsAt > now),
    outgoing: meetings.filter((m) => m.mine === "asked" && m.status === "requested" && m.startsAt > now),
    accepted: meetings.filter((m) => m.status === "accepted" && m.endsAt > now),
  };
  const listed = new Set(Object.values(lists).flatMap((l) => l.map((m) => m.id)));
  const past = meetings.filter((m) => !listed.has(m.id)).reverse();
  const refusal = event.policy === "off" ? "off" : viewer?.role !== "delegate" && event.policy === "delegates" && viewer?.status === "approved" ? "delegatesOnly" : "notAllowed";
  const days = eventDays(event, zone, now);
  const place = zonePlace(event.timeZone, event.displayZones, locale);

  const list = (key: keyof typeof lists | "past", items: MeetingRow[]) => (
    <PageSection id={`meetings-${key}-title`} title={t(key)}>
      {items.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid={`meetings-${key}`}>
          {items.map((m) => (
            <MeetingItem key={m.id} m={m} locale={locale} zone={zone} zones={zones} now={now} commands={commandsFor(m, now)} />
          ))}
        </ul>
      )}
    </PageSection>
  );

  // The page's client parts (form, buttons) translate with the "meetings" namespace, which public
  // pages do not carry: a personal page, handed the whole catalogue as the room is.
  return (
    <AllMessages>
      <section className="space-y-6">
        <Breadcrumbs items={[{ href: `/events/${slug}`, label: title }]} />
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-2xl text-slate-800">{t("intro", { event: title })}</p>
        {!allowed && <FormAlert tone="info" message={t(`refused.${refusal}`)} />}
        {viewer && <p className="text-sm text-slate-700">{t("yourZone", { zone: zoneLabel(zone, locale, now) })}</p>}
        {viewer && <AutoRefresh />}
        {viewer && (
          <>
            {list("incoming", lists.incoming)}
            {list("accepted", lists.accepted)}
            {list("outgoing", lists.outgoing)}
          </>
        )}
        {allowed && (
          <PageSection id="meetings-request-title" title={t("form.title")}>
            <RequestForm
              slug={slug}
              people={candidates.map((p) => {
                const name = locale === "en" && p.nameLatin ? p.nameLatin : p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name;
                return { userId: p.userId, label: p.organization ? `${name} · ${pickText(p.organization, locale)}` : name };
              })}
              zone={zone}
              zoneText={zoneLabel(zone, locale, now)}
              min={days.min}
              max={days.max}
              daysText={t("form.days", { from: formatDay(days.first, event.timeZone, locale), to: formatDay(days.last, event.timeZone, locale), place })}
              zones={zones}
            />
          </PageSection>
        )}
        {viewer && past.length > 0 && list("past", past)}
      </section>
    </AllMessages>
  );
}
