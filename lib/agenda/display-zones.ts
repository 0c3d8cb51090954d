// The event's displayed zones as a page shows them: labels in the page's language, and the home
// zone's place name for sentences such as "In Seoul: Monday, 22 November".
import { z } from "@/lib/zod";
import { pickText } from "@/lib/i18n/localized";
import { localizedTextSchema } from "@/lib/i18n/localized-schema";
import type { Locale } from "@/lib/i18n/routing";
import { zoneCity } from "@/lib/time/zone-names";
import type { DisplayZone } from "./types";

export const displayZonesSchema = z.array(z.object({ zone: z.string(), abbr: z.string(), label: localizedTextSchema }));

/** The event's displayed zones from its jsonb column; a malformed value is a data bug, so it throws. */
export function displayZonesOf(event: { displayZones: unknown }): DisplayZone[] {
  return displayZonesSchema.parse(event.displayZones);
}

export interface ShownZone {
  zone: string;
  abbr: string;
  label: string;
}

export function shownZones(zones: DisplayZone[], locale: Locale): ShownZone[] {
  return zones.map((z) => ({ zone: z.zone, abbr: z.abbr, label: pickText(z.label, locale) }));
}

/** What the event calls `zone` ("Seoul"), or the place CLDR knows it by. */
export function zonePlace(zone: string, zones: DisplayZone[], locale: Locale): string {
  const shown = zones.find((z) => z.zone === zone);
  return shown ? pickText(shown.label, locale) : zoneCity(zone, locale);
}
