// One recording: its title, forum and when it was made, and the player with its chapters (each
// linking to its session too), opened at ?t=. Unknown or hidden → 404; signed out → sign-in;
// not shared with this viewer → a page that says so.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { Player } from "@/components/recordings/player";
import { toPlayerRecording } from "@/components/recordings/player-data";
import { RecordedTimes, recordingSpan } from "@/components/recordings/recorded-times";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { FormAlert } from "@/components/ui/field";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { parseOffset } from "@/lib/recordings/chapters";
import { getRecordingForViewer } from "@/lib/recordings/data";
import { PageMessages } from "@/components/ui/page-messages";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

/** The recording for this viewer, or why not; read once per request (metadata and page). */
const viewerRecording = cache(async (slug: string, id: string) => {
  try {
    const { recording } = await getRecordingForViewer(await getActor(), id);
    if (recording.eventSlug !== slug) return { error: "NOT_FOUND" as const };
    return { recording };
  } catch (err) {
    if (err instanceof AppError) return { error: err.code };
    throw err;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { slug, id } = await params;
  const t = await getTranslations({ locale, namespace: "library" });
  const found = await viewerRecording(slug, id);
  return { title: found.recording ? pickText(found.recording.title, locale) : t("recordingTitle") };
}

export default async function RecordingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug, id } = await params;
  const tParam = (await searchParams).t;
  const at = Array.isArray(tParam) ? tParam[0] : tParam;
  const t = await getTranslations("library");
  const agenda = await orNotFound(getAgendaOrThrow(slug));
  const found = await viewerRecording(slug, id);
  if (found.error === "NOT_FOUND") notFound();
  if (found.error === "UNAUTHENTICATED") {
    const back = `/${locale}/events/${slug}/recordings/${id}${at ? `?t=${encodeURIComponent(at)}` : ""}`;
    redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  const { event } = agenda;
  const crumbs = [
    { href: `/events/${slug}`, label: pickText(event.title, locale) },
    { href: `/events/${slug}/recordings`, label: t("title") },
  ];
  if (!found.recording) {
    if (found.error !== "FORBIDDEN") throw new AppError(found.error);
    const te = await getTranslations("recordings.errors");
    return (
      <article className="space-y-6">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-3xl font-semibold">{t("recordingTitle")}</h1>
        <FormAlert message={te("recordingForbidden")} />
      </article>
    );
  }

  const { recording } = found;
  const forum = agenda.forums.find((f) => f.id === recording.forumId);
  const session = forum?.sessions.find((s) => s.id === recording.sessionId);
  const span = recordingSpan(recording, session ?? forum ?? event);
  const startMs = (at ? parseOffset(at) : null) ?? 0;
  return (
    <PageMessages add={["player"]}>
      <article className="space-y-6">
        <Breadcrumbs items={crumbs} />
        <header className="space-y-2">
          <h1 className="text-3xl font-semibold">{pickText(recording.title, locale)}</h1>
          <p>
            <span className="text-slate-700">{t("forum")}: </span>
            <Link href={`/events/${slug}/forums/${recording.forumSlug}`} className="text-sky-900 underline">
              {pickText(recording.forumTitle, locale)}
            </Link>
          </p>
          <RecordedTimes start={span.start} end={span.end} event={event} locale={locale} />
          {!recording.published && <FormAlert tone="info" message={t("unpublished")} />}
        </header>
        {recording.status === "ready" && !recording.missing ? (
          <Player key={startMs} recording={toPlayerRecording(recording, locale)} startMs={startMs} linkSessions />
        ) : (
          <FormAlert tone="info" message={t("notPlayable")} />
        )}
      </article>
    </PageMessages>
  );
}
