// Time zones named for people, in the page's language: the place a zone is known by ("Los Angeles",
// "독일", "印度") with its offset, instead of IANA identifiers. The place comes from the runtime's
// CLDR data (the "generic location" format: the country for a one-zone country, else the city),
// so Korean and Chinese readers get their own words without a table of our own. Pure.
import type { Locale } from "@/lib/i18n/routing";
import { offsetLabel } from "./zones";

const intlLocale: Record<Locale, string> = { ko: "ko-KR", zh: "zh-CN", en: "en-GB" };

// CLDR's "{0} Time" pattern of each language, to keep only the place.
const locationSuffix: Record<Locale, RegExp> = { en: /\s+Time$/, ko: /\s*시간$/, zh: /\s*时间$/ };

/** The zones most participants of a Korea–China event are in, offered first in pickers. */
export const COMMON_ZONES = [
  "Asia/Seoul",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Asia/Taipei",
  "Asia/Hong_Kong",
  "Asia/Singapore",
  "Asia/Kolkata",
  "Asia/Dubai",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Australia/Sydney",
  "Pacific/Auckland",
  "UTC",
] as const;

const cities = new Map<string, string>();

/** The IANA name's last part as words ("America/Argentina/Buenos_Aires" → "Buenos Aires"). */
function ianaCity(zone: string): string {
  return zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
}

/** The place `zone` is known by in `locale`, e.g. "Los Angeles" / "로스앤젤레스" / "洛杉矶", "Germany" / "독일" / "德国". */
export function zoneCity(zone: string, locale: Locale): string {
  if (zone === "UTC" || zone === "Etc/UTC") return "UTC";
  const key = `${locale}|${zone}`;
  const known = cities.get(key);
  if (known) return known;
  let name: string;
  try {
    const generic = new Intl.DateTimeFormat(intlLocale[locale], { timeZone: zone, timeZoneName: "shortGeneric" }).formatToParts(new Date(0)).find((p) => p.type === "timeZoneName")?.value;
    const place = generic?.replace(locationSuffix[locale], "");
    // Where CLDR has no place for a zone it gives an abbreviation ("CET") or an offset ("GMT+3").
    name = place && place !== generic && !/^(GMT|UTC)/.test(place) ? place : ianaCity(zone);
  } catch {
    name = ianaCity(zone);
  }
  cities.set(key, name);
  return name;
}

/** "Los Angeles (UTC-8)": the place and the offset `zone` has at `at`. */
export function zoneLabel(zone: string, locale: Locale, at: Date): string {
  const offset = offsetLabel(at, zone);
  const city = zoneCity(zone, locale);
  return city === "UTC" && offset === "UTC" ? "UTC" : `${city} (${offset})`;
}

export interface ZoneOption {
  value: string;
  label: string;
  /** Lower-case text a search matches: the label, the IANA name and its English place. */
  search: string;
  offsetMinutes: number;
}

function offsetMinutes(label: string): number {
  const m = /UTC([+-])(\d+)(?::(\d+))?/.exec(label);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

export function zoneOption(zone: string, locale: Locale, at: Date): ZoneOption {
  const label = zoneLabel(zone, locale, at);
  const search = `${label} ${zone.replace(/_/g, " ")} ${zoneCity(zone, "en")}`.toLowerCase();
  return { value: zone, label, search, offsetMinutes: offsetMinutes(offsetLabel(at, zone)) };
}

// Runtimes name some zones by their older identifiers (Node's ICU lists "Asia/Calcutta", a browser
// may say "Asia/Kolkata"): two names are one zone when the runtime resolves them alike.
const canonicalNames = new Map<string, string>();

/** The runtime's own name for `zone` (null for a zone it does not know). */
export function canonicalZone(zone: string): string | null {
  let name = canonicalNames.get(zone);
  if (name === undefined) {
    try {
      name = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      name = "";
    }
    canonicalNames.set(zone, name);
  }
  return name || null;
}

/** Whether two names are one zone ("Asia/Calcutta" and "Asia/Kolkata"). */
export function sameZone(a: string, b: string): boolean {
  const name = canonicalZone(a);
  return name !== null && name === canonicalZone(b);
}

/**
 * Every zone for a picker: `first` (the event's, the viewer's…) and the common ones on top, then all
 * others by offset and name. Several zones of one country share a place name; those get their city
 * beside it, so no two options read the same.
 */
export function zoneOptions(all: readonly string[], locale: Locale, at: Date, first: readonly string[] = []): { common: ZoneOption[]; others: ZoneOption[] } {
  const seen = new Set<string>();
  const once = (z: string) => {
    const name = canonicalZone(z);
    if (!name || seen.has(name)) return false;
    seen.add(name);
    return true;
  };
  const top = [...first, ...COMMON_ZONES].filter(once);
  const rest = all.filter(once);
  const options = new Map([...top, ...rest].map((z) => [z, zoneOption(z, locale, at)]));
  const byLabel = new Map<string, number>();
  for (const o of options.values()) byLabel.set(o.label, (byLabel.get(o.label) ?? 0) + 1);
  for (const o of options.values()) {
    if ((byLabel.get(o.label) ?? 0) > 1) o.label = `${zoneCity(o.value, locale)} · ${ianaCity(o.value)} (${offsetLabel(at, o.value)})`;
  }
  const collator = new Intl.Collator(intlLocale[locale]);
  const others = rest.map((z) => options.get(z)!).sort((a, b) => a.offsetMinutes - b.offsetMinutes || collator.compare(a.label, b.label));
  return { common: top.map((z) => options.get(z)!), others };
}

/** The options whose text holds every word of `query` (any order, any case). */
export function searchZones(options: ZoneOption[], query: string): ZoneOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length ? options.filter((o) => words.every((w) => o.search.includes(w))) : options;
}
