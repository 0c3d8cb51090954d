// The recordings console of one event: per forum (in agenda order) recording its stage now or
// automatically, and every recording with its controls; then the upload of recordings made
// elsewhere. Refreshes itself every 3 s while a recording is under way.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsoleRefresher } from "@/components/recordings/console/console-refresher";
import { ForumRecordings } from "@/components/recordings/console/forum-recordings";
import { UploadRecordingForm } from "@/components/recordings/console/upload-recording-form";
import { getEnv } from "@/lib/env";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { sweepRecordings } from "@/lib/recordings/control";
import { getOrganizerRecordings } from "@/lib/recordings/data";
import { RECORDING_EXTENSIONS } from "@/lib/recordings/file-types";
import { zoneWithOffset } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "recordingsConsole" });
  return { title: t("title") };
}

export default async function RecordingsConsolePage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations("recordingsConsole");
  const access = await requireOrganizerPage(locale, slug, "/recordings");
  // The layout explains a refusal; the page then renders nothing.
  if (!access) return null;
  // Egresses that never reported back are failed before they are shown as still starting.
  await sweepRecordings().catch((err) => console.error("Recording sweep failed", err));
  const data = await getOrganizerRecordings(access);
  const underWay = data.forums.some((f) => f.recordings.some((r) => r.status === "starting" || r.status === "recording" || r.status === "processing"));
  const now = new Date();
  return (
    <section className="space-y-6" data-testid="recordings-console">
      <header className="space-y-1">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      </header>
      <ConsoleRefresher active={underWay} />
      {data.forums.length === 0 && <p>{t("noForums")}</p>}
      {data.forums.map((forum) => (
        <ForumRecordings key={forum.id} forum={forum} locale={locale} timeZone={data.timeZone} zones={data.displayZones} />
      ))}
      {data.forums.length > 0 && (
        <UploadRecordingForm
          forums={data.forums.map((f) => ({ id: f.id, title: pickText(f.title, locale), sessions: f.sessions.map((s) => ({ id: s.id, title: pickText(s.title, locale) })) }))}
          zone={data.timeZone}
          zoneLabel={zoneWithOffset(now, data.timeZone, locale)}
          locale={locale}
          maxMegabytes={getEnv().RECORDING_UPLOAD_MAX_MB}
          accept={[...Object.keys(RECORDING_EXTENSIONS), "video/mp4", "video/webm"].join(",")}
        />
      )}
    </section>
  );
}
