// Registration settings of an event.
import { getTranslations } from "next-intl/server";
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
    </section>
  );
}
