// An interpretation channel's recording layout (/{locale}/egress/{forumId}/channel/{lang}): the
// page LiveKit Egress opens for an audio-only recording of one channel. Public, like the stage's.
import { AllMessages } from "@/components/ui/all-messages";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EgressChannelLoader } from "@/components/recordings/egress/egress-loader";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { channelLanguages } from "@/lib/rooms/interpretation";
import { getRecordingLayoutOrThrow } from "@/lib/rooms/layout-data";
import type { Locale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; forumId: string; lang: string }>;

function channelOf(lang: string): Locale {
  if (!(channelLanguages as readonly string[]).includes(lang)) notFound();
  return lang as Locale;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { forumId, lang } = await params;
  const { forum } = await orNotFound(getRecordingLayoutOrThrow(forumId));
  return { title: `${pickText(forum.title, locale)} · ${channelOf(lang)}`, robots: { index: false, follow: false } };
}

export default async function EgressChannelPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { forumId, lang } = await params;
  const channel = channelOf(lang);
  const layout = await orNotFound(getRecordingLayoutOrThrow(forumId));
  return (
    <AllMessages>
      <div className="fixed inset-0 z-50 overflow-hidden bg-black text-white">
        <EgressChannelLoader locale={locale} channel={channel} forumTitle={layout.forum.title} />
      </div>
    </AllMessages>
  );
}
