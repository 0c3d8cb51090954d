// The stage's recording layout (/{locale}/egress/{forumId}): the page LiveKit Egress opens for a
// forum's room-composite recording, appending ?url=…&token=…&layout=… itself. Public: Egress has
// no session cookie, and its hidden token is what admits it to the room. It covers the site's
// header and footer, since everything in the viewport ends up in the video.
import { AllMessages } from "@/components/ui/all-messages";
import type { Metadata } from "next";
import { EgressStageLoader } from "@/components/recordings/egress/egress-loader";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { getRecordingLayoutOrThrow } from "@/lib/rooms/layout-data";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; forumId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { forum } = await orNotFound(getRecordingLayoutOrThrow((await params).forumId));
  return { title: pickText(forum.title, locale), robots: { index: false, follow: false } };
}

export default async function EgressStagePage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const layout = await orNotFound(getRecordingLayoutOrThrow((await params).forumId));
  return (
    <AllMessages>
      <div className="fixed inset-0 z-50 overflow-hidden bg-black text-white">
        <EgressStageLoader locale={locale} eventSlug={layout.eventSlug} forumTitle={layout.forum.title} sessions={layout.sessions} />
      </div>
    </AllMessages>
  );
}
