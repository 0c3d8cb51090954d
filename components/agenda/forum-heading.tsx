// A forum's heading inside a day of the agenda or the recordings library: its title, linked to the
// forum's page; the id lets the forum's section be labelled by it.
import { Link } from "@/lib/i18n/navigation";

export function forumHeadingId(forumId: string): string {
  return `forum-${forumId}`;
}

/** `title`: already in the page's language. */
export function ForumHeading({ forum, eventSlug }: { forum: { id: string; slug: string; title: string }; eventSlug: string }) {
  return (
    <h3 id={forumHeadingId(forum.id)} className="text-xl font-semibold">
      <Link href={`/events/${eventSlug}/forums/${forum.slug}`} className="text-sky-900 underline-offset-4 hover:underline">
        {forum.title}
      </Link>
    </h3>
  );
}
