// The start page: published conferences.
import { getTranslations } from "next-intl/server";
import { listPublishedEvents } from "@/lib/agenda/data";
import { pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { zoneCity } from "@/lib/time/zone-names";
import { formatDateRange } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations("home");
  const events = await listPublishedEvents();
  return (
    <section>
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {events.length === 0 ? (
        <p className="mt-6">{t("empty")}</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {events.map((e) => (
            <li key={e.slug} className="rounded border border-slate-200 p-4">
              <h2 className="text-xl font-semibold">
                <Link href={`/events/${e.slug}`} className="text-sky-900 underline-offset-4 hover:underline">
                  {pickText(e.title, locale)}
                </Link>
              </h2>
              <p className="text-slate-700">
                {formatDateRange(e.startsAt, e.endsAt, e.timeZone, locale)} ({zoneCity(e.timeZone, locale)}) · {pickText(e.venue, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
