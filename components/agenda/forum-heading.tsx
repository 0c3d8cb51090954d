// A forum's heading inside a day of the agenda or the recordings library: its title, linked to the
// forum's page; the id lets the forum's section be labelled by it.
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

export function forumHeadingId(forumId: string): string {
  return `forum-${forumId}`;
}

export function ForumHeading({ forum, eventSlug, locale }: { forum: { id: string; slug: string; title: LocalizedText }; eventSlug: string; locale: Locale }) {
  return (
    <h3 id={forumHeadingId(forum.id)} className="text-xl font-semibold">
      <Link href={`/events/${eventSlug}/forums/${forum.slug}`} className="text-sky-900 underline-offset-4 hover:underline">
        {pickText(forum.title, locale)}
      </Link>
    </h3>
  );
}
