// Registration settings of an event. Who may hold one-to-one meetings is set on the meetings page
// (one home per feature); a link here leads there.
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { SettingsForm } from "@/components/registration/settings-form";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { settingsAction } from "@/lib/registration/actions";
import { getRegistrationSettings } from "@/lib/registration/desk";
import { zoneCity } from "@/lib/time/zone-names";
import { offsetLabel, utcToZonedLocal } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations("settings");
  const tm = await getTranslations("meetings");
  const access = await requireOrganizerPage(locale, slug, "/settings");
  if (!access) return null;
  // The layout explains a refusal; the page then renders nothing.
  const event = await getRegistrationSettings(access);
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, event.timeZone) : "");
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      <SettingsForm
        action={settingsAction.bind(null, slug, event.timeZone)}
        zoneLabel={`${zoneCity(event.timeZone, locale)}, ${offsetLabel(new Date(), event.timeZone)}`}
        values={{
          capacity: event.capacity,
          policy: event.registrationPolicy,
          audiencePolicy: event.audiencePolicy,
          audienceCapacity: event.audienceCapacity,
          opensAt: local(event.registrationOpensAt),
          closesAt: local(event.registrationClosesAt),
        }}
      />
      <section aria-labelledby="meeting-settings" className="space-y-2 border-t border-slate-200 pt-4">
        <h2 id="meeting-settings" className="text-xl font-semibold">
          {tm("settings.title")}
        </h2>
        <p>
          {tm("console.settingsHere")}{" "}
          <Link
            href={`/organizer/events/${slug}/meetings`}
            className="underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
            data-testid="meeting-settings-link"
          >
            {tm("console.settingsLink")}
          </Link>
        </p>
      </section>
    </section>
  );
}
