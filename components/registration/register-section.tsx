// Builds the registration form's options on the server, in the page's language.
import { getCurrentUser } from "@/lib/auth/current";
import { shownZones } from "@/lib/agenda/display-zones";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { FormResult } from "@/lib/http/action-result";
import { countryOptions } from "@/lib/registration/countries";
import type { getRegistrationContextOrThrow } from "@/lib/registration/data";
import { RegisterForm, type Tier } from "./register-form";

type Context = Awaited<ReturnType<typeof getRegistrationContextOrThrow>>;

export async function RegisterSection({
  ctx,
  locale,
  action,
  lockedEmail,
  prefill = {},
  tiers = ["delegate"],
}: {
  ctx: Context;
  locale: Locale;
  action: (prev: FormResult, form: FormData) => Promise<FormResult>;
  lockedEmail?: string;
  prefill?: Record<string, string | string[]>;
  /** The tiers offered; an invitation fixes the role, so its form offers taking part only. */
  tiers?: readonly Tier[];
}) {
  const user = await getCurrentUser();
  return (
    <RegisterForm
      action={action}
      needsAccount={!user}
      lockedEmail={lockedEmail}
      tiers={tiers}
      organizations={ctx.organizations.map((o) => ({ value: o.key, label: pickText(o.name, locale) }))}
      countries={countryOptions(locale, ctx.event.hostCountries)}
      forums={ctx.forums.map((f) => ({ value: f.slug, label: pickText(f.title, locale), startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() }))}
      eventZones={shownZones(ctx.event.displayZones, locale)}
      homeZone={ctx.event.timeZone}
      defaults={{
        name: user?.name ?? "",
        nameLatin: user?.nameLatin ?? "",
        preferredLanguage: user?.locale ?? locale,
        timeZone: user?.timeZone ?? "",
        ...prefill,
      }}
    />
  );
}
