"use client";
// On My conference, times follow the zone the person chose; when their browser is elsewhere (they
// travel, or chose when registering from another computer), say so and offer to switch.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { useBrowserZone } from "@/components/agenda/day-context";
import type { ActionResult, FormResult } from "@/lib/http/action-result";
import type { Locale } from "@/lib/i18n/routing";
import { sameZone } from "@/lib/time/zone-names";
import { zoneWithOffset } from "@/lib/time/zones";

interface Props {
  action: (prev: FormResult, form: FormData) => Promise<ActionResult>;
  chosen: string;
  language: string;
  reminderMinutes: number | null;
}

export function ZoneNotice({ action, chosen, language, reminderMinutes }: Props) {
  const t = useTranslations("myAgenda");
  const locale = useLocale() as Locale;
  const browser = useBrowserZone();
  const [, formAction, pending] = useActionState<FormResult, FormData>(action, null);
  if (!browser || sameZone(browser, chosen)) return null;
  const now = new Date();
  const names = { browser: zoneWithOffset(now, browser, locale), chosen: zoneWithOffset(now, chosen, locale) };
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="zone-notice">
      <p>{t("otherZone", names)}</p>
      <input type="hidden" name="timeZone" value={browser} />
      <input type="hidden" name="preferredLanguage" value={language} />
      <input type="hidden" name="reminderMinutes" value={reminderMinutes === null ? "" : String(reminderMinutes)} />
      <button type="submit" disabled={pending} className="rounded border border-amber-800 px-3 py-1 font-medium focus-visible:outline-2 focus-visible:outline-amber-800">
        {t("useBrowserZone", { browser: names.browser })}
      </button>
    </form>
  );
}
