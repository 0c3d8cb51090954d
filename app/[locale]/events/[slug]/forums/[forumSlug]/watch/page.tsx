// The audience's watch page (/{locale}/events/{slug}/forums/{forumSlug}/watch): the server decides
// what this viewer may do (lib/broadcast/data.ts, getWatchView) and the client leaf plays, follows
// the broadcast on and off air, and carries the session's Q&A and polls.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { WatchLive } from "@/components/broadcast/watch/watch-live";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { shownZones } from "@/lib/agenda/display-zones";
import { getPublicAgenda } from "@/lib/agenda/public";
import { getActor } from "@/lib/auth/current";
import { getWatchView } from "@/lib/broadcast/data";
import type { WatchRefusal } from "@/lib/broadcast/types";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { PageMessages } from "@/components/ui/page-messages";
import { langTag } from "@/lib/i18n/lang";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { z } from "@/lib/zod";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; forumSlug: string }>;

const slugSchema = z.object({ slug: z.string().min(1).max(200), forumSlug: z.string().min(1).max(200) });

/** The viewer's view and the published agenda, read once for the metadata and the page together. */
const watchData = cache(async (locale: Awaited<ReturnType<typeof pageLocale>>, slug: string, forumSlug: string) => {
  const view = await orNotFound(getWatchView(await getActor(), locale, slug, forumSlug));
  const { agenda } = await orNotFound(getPublicAgenda(slug));
  return { view, agenda };
});

async function load(params: Params) {
  const locale = await pageLocale(params);
  const parsed = slugSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { slug, forumSlug } = parsed.data;
  const { view, agenda } = await watchData(locale, slug, forumSlug);
  const forum = agenda.forums.find((f) => f.id === view.forumId);
  if (!forum) notFound();
  return { locale, slug, forumSlug, view, agenda, forum };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { view } = await load(params);
  const t = await getTranslations("watch");
  return { title: t("metaTitle", { forum: view.title }) };
}

export default async function WatchPage({ params }: { params: Params }) {
  const { locale, slug, forumSlug, view, agenda, forum } = await load(params);
  const t = await getTranslations("watch");
  const { event } = agenda;
  const next = forum.sessions.find((s) => s.id === view.sessionId) ?? null;
  const offAir = next ? (
    <div className="space-y-1" data-testid="watch-next">
      <p lang={langTag[locale]}>{t("nextSession", { title: pickText(next.title, locale) })}</p>
      <ViewerTime start={next.startsAt.toISOString()} end={next.endsAt.toISOString()} />
      <ZonedTimes start={next.startsAt.toISOString()} end={next.endsAt.toISOString()} zones={shownZones(event.displayZones, locale)} />
    </div>
  ) : (
    <p>{t("noNextSession")}</p>
  );
  const stage = {
    locale,
    eventSlug: event.slug,
    forumTitle: forum.title,
    channels: view.channels,
    sessions: forum.sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime(), status: s.status })),
  };
  const refused = view.refusal && view.refusal !== "offAir" ? view.refusal : null;
  return (
    <article className="space-y-4" data-testid="watch-page" data-refusal={view.refusal ?? ""}>
      <Breadcrumbs
        items={[
          { href: `/events/${event.slug}`, label: pickText(event.title, locale) },
          { href: `/events/${event.slug}/forums/${forumSlug}`, label: view.title },
        ]}
      />
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("heading")}</p>
        <h1 className="text-3xl font-semibold">{view.title}</h1>
      </header>
      {refused ? (
        <Refusal refusal={refused} backTo={`/${locale}/events/${slug}/forums/${forumSlug}/watch`} slug={slug} />
      ) : (
        <PageMessages add={["qa", "watch"]}>
          <WatchLive view={view} stage={stage} offAir={offAir} />
        </PageMessages>
      )}
    </article>
  );
}

async function Refusal({ refusal, backTo, slug }: { refusal: Exclude<WatchRefusal, "offAir">; backTo: string; slug: string }) {
  const t = await getTranslations("watch");
  const link = {
    signIn: { href: `/sign-in?callbackUrl=${encodeURIComponent(backTo)}`, label: t("signIn") },
    notRegistered: { href: `/events/${slug}/register`, label: t("register") },
    notApproved: { href: "/me", label: t("myRegistration") },
  }[refusal];
  return (
    <div className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4" data-testid="watch-refusal" data-refusal={refusal}>
      <p>{t(`refusal.${refusal}`)}</p>
      <Link
        href={link.href}
        className="inline-block rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        {link.label}
      </Link>
    </div>
  );
}
