"use client";
// The agenda's forums under the viewer's days, each with its sessions, rendered from compact rows
// (lib/agenda/rows.ts): the page's payload holds the rows' data, not their markup.
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { RowForum, RowText } from "@/lib/agenda/rows";
import { ForumHeading, forumHeadingId } from "./forum-heading";
import { SessionRow } from "./session-row";
import { ViewerDays } from "./viewer-days";
import { ZonedTimes } from "./zoned-times";

interface Props {
  slug: string;
  forums: RowForum[];
  orgs: RowText[];
  zones: ShownZone[];
  homeZone: string;
  homePlace: string;
}

export function AgendaForums({ slug, forums, orgs, zones, homeZone, homePlace }: Props) {
  return (
    <ViewerDays
      homeZone={homeZone}
      homePlace={homePlace}
      items={forums.map((forum) => ({
        key: forum.id,
        startsAt: forum.startsAt,
        node: (
          <section aria-labelledby={forumHeadingId(forum.id)} className="mt-4" data-testid="agenda-forum" data-forum={forum.slug}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <ForumHeading forum={forum} eventSlug={slug} />
              <ZonedTimes start={forum.startsAt} end={forum.endsAt} zones={zones} />
            </div>
            <ol className="mt-2">
              {forum.sessions.map((s) => (
                <SessionRow key={s.id} session={s} zones={zones} orgs={orgs} />
              ))}
            </ol>
          </section>
        ),
      }))}
    />
  );
}
