// The recordings library: every published recording this viewer may watch, by day and forum, with
// each recording's sessions at their moments; ?q= searches session titles (ko/zh/en) and speakers.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ForumHeading, forumHeadingId } from "@/components/agenda/forum-heading";
import { ViewerDays } from "@/components/agenda/viewer-days";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { LibraryEntry } from "@/components/recordings/library-entry";
import { LibrarySearch } from "@/components/recordings/library-search";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import { getActor } from "@/lib/auth/current";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { getRecordingsLibrary } from "@/lib/recordings/data";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations({ locale, namespace: "library" });
  const agenda = await orNotFound(getAgendaOrThrow(slug));
  return { title: `${t("title")} · ${pickText(agenda.event.title, locale)}` };
}

export default async function RecordingsLibraryPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const q = (await searchParams).q;
  const query = (Array.isArray(q) ? q[0] : (q ?? "")).trim().slice(0, 200);
  const t = await getTranslations("library");
  const actor = await getActor();
  const { agenda, days, total, shown } = await orNotFound(getRecordingsLibrary(actor, slug, query));
  const { event } = agenda;
  const zone = event.timeZone;
  const zones = shownZones(event.displayZones, locale);

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <Breadcrumbs items={[{ href: `/events/${slug}`, label: pickText(event.title, locale) }]} />
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {!actor && (
          <p className="text-sm">
            {t("signInHint")}{" "}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/events/${slug}/recordings`)}`} className="text-sky-900 underline">
              {t("signIn")}
            </Link>
          </p>
        )}
      </header>

      {total > 0 && <LibrarySearch query={query} />}

      {total === 0 ? (
        <p data-testid="library-empty">{t("empty")}</p>
      ) : shown === 0 ? (
        <p data-testid="library-no-match">{t("noMatch", { query })}</p>
      ) : (
        query && (
          <p role="status" className="text-sm text-slate-700" data-testid="library-count">
            {t("showing", { shown, total })}
          </p>
        )
      )}

      <ViewerDays
        homeZone={zone}
        homePlace={zonePlace(zone, event.displayZones, locale)}
        testId="library-day"
        items={days
          .flatMap((day) => day.forums)
          .map((forum) => ({
            key: forum.id,
            startsAt: forum.startsAt.toISOString(),
            node: (
              <section aria-labelledby={forumHeadingId(forum.id)} className="mt-4 space-y-2" data-testid="library-forum" data-forum={forum.slug}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <ForumHeading forum={{ id: forum.id, slug: forum.slug, title: pickText(forum.title, locale) }} eventSlug={slug} />
                  <div className="text-right">
                    <ViewerTime start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} />
                    <ZonedTimes start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} zones={zones} />
                  </div>
                </div>
                <ul className="space-y-3">
                  {forum.entries.map((entry) => (
                    <LibraryEntry key={entry.recording.id} entry={entry} forum={forum} event={event} locale={locale} />
                  ))}
                </ul>
              </section>
            ),
          }))}
      />
    </article>
  );
}
