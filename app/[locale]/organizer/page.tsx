// The organizer console's start: the events this person organizes.
import { getTranslations } from "next-intl/server";
import { getOrganizedEvents } from "@/lib/auth/session";
import { pageLocale, requirePageActor } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { Link } from "@/lib/i18n/navigation";
import { zoneCity } from "@/lib/time/zone-names";
import { formatDateRange } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export default async function OrganizerHome({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, "/organizer");
  const t = await getTranslations("organizer");
  const events = await getOrganizedEvents(actor.userId);
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      {events.length === 0 ? (
        <p>{t("noEvents")}</p>
      ) : (
        <ul className="space-y-3">
          {events.map((e) => (
            <li key={e.slug} className="rounded border border-slate-200 p-4">
              <Link href={`/organizer/events/${e.slug}`} className="text-lg font-semibold text-sky-900 underline">
                {pickText(toLocalized(e.title), locale)}
              </Link>
              <p className="text-sm text-slate-700">
                {formatDateRange(e.startsAt, e.endsAt, e.timeZone, locale)} ({zoneCity(e.timeZone, locale)})
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
