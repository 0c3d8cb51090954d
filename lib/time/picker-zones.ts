// The pickers' zone list as the server builds it (Node carries CLDR's city names in every language;
// browsers often only in English), built once an hour per language and kept.
import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import { zoneOptions, type ZoneOption } from "./zone-names";

const HOUR_MS = 3_600_000;
const kept = new Map<string, { common: ZoneOption[]; others: ZoneOption[] }>();

export function zonesForPicker(locale: Locale, now: Date) {
  // Labels carry each zone's offset now, so the list is rebuilt each hour (daylight saving moves them).
  const key = `${locale}|${Math.floor(now.getTime() / HOUR_MS)}`;
  let list = kept.get(key);
  if (!list) {
    for (const k of kept.keys()) if (k.startsWith(`${locale}|`)) kept.delete(k);
    list = zoneOptions(Intl.supportedValuesOf("timeZone"), locale, now);
    kept.set(key, list);
  }
  return list;
}
