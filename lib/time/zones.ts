// Time-zone math and formatting. Instants are UTC `Date`s; every format names its zone
// explicitly, so nothing depends on the server's or test runner's TZ.
import type { Locale } from "@/lib/i18n/routing";

/** The regional form of each interface language that dates and numbers are written in. */
export const intlLocale: Record<Locale, string> = { ko: "ko-KR", zh: "zh-CN", en: "en-GB" };

// Building an Intl.DateTimeFormat costs far more than formatting with one (it was a third of an
// agenda page's render), and a page formats hundreds of times in a few zones: each formatter is
// made once per locale, zone and options. Immutable, so sharing them is safe; a zone is known
// or throws before it is kept, so the map holds only what pages asked for.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, fmt);
  }
  return fmt;
}

const PARTS: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

function parts(instant: Date, zone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter("en-US", zone, PARTS).formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** The calendar day of `instant` in `zone`, as YYYY-MM-DD. */
export function dayKey(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 24-hour clock time in `zone`, e.g. "09:30". */
/** A <time>'s datetime attribute: to the minute when that is all there is ("2021-11-22T00:30Z",
 * a valid global date and time string), as every agenda time is; else the full ISO instant. */
export function machineTime(instant: Date): string {
  const iso = instant.toISOString();
  return iso.endsWith(":00.000Z") ? `${iso.slice(0, -8)}Z` : iso;
}

export function formatClock(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.hour}:${p.minute}`;
}

export function formatClockRange(start: Date, end: Date, zone: string): string {
  return `${formatClock(start, zone)}–${formatClock(end, zone)}`;
}

/** The offset of `zone` at `instant`, e.g. "UTC+9", "UTC+5:45", "UTC". */
export function offsetLabel(instant: Date, zone: string): string {
  const name =
    formatter("en-US", zone, { timeZoneName: "shortOffset" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  return name === "GMT" || name === "GMT+0" ? "UTC" : name.replace("GMT", "UTC");
}

/**
 * The zone's localized name, e.g. "Central European Time" / "중부유럽 시간" / "中欧时间" (CLDR's
 * generic metazone name, which browsers carry in every language; their city names they often
 * do not). A zone without one (UTC, Etc/*) is named by its offset.
 */
export function zoneName(instant: Date, zone: string, locale: Locale): string {
  const name = formatter(intlLocale[locale], zone, { timeZoneName: "longGeneric" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return !name || name.startsWith("GMT") ? offsetLabel(instant, zone) : name;
}

/** "Central European Time (UTC+1)"; "UTC+5" alone for a zone named by its offset. */
export function zoneWithOffset(instant: Date, zone: string, locale: Locale): string {
  const name = zoneName(instant, zone, locale);
  const offset = offsetLabel(instant, zone);
  return name === offset ? offset : `${name} (${offset})`;
}

/** A day heading in `zone`, e.g. "Monday, 22 November 2021" / "2021년 11월 22일 월요일". */
export function formatDay(instant: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale[locale], zone, { weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(instant);
}

/** A short date in `zone`, e.g. "Mon 22 Nov" / "11. 22. (월)" / "11月22日周一". */
export function formatShortDate(instant: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale[locale], zone, { weekday: "short", month: "short", day: "numeric" }).format(instant);
}

/** A date and time in `zone`, e.g. "Monday, 18 October 2021, 09:00" / "2021년 10월 18일 월요일 09:00". */
export function formatDateTime(instant: Date, zone: string, locale: Locale): string {
  return `${formatDay(instant, zone, locale)} ${formatClock(instant, zone)}`;
}

/** A ticking clock's face in `zone`: "09:30", or "09:30:05" with seconds. */
export function formatWallClock(instant: Date, zone: string, { seconds = false } = {}): string {
  return formatter("en-GB", zone, { hour: "2-digit", minute: "2-digit", ...(seconds && { second: "2-digit" }), hourCycle: "h23" }).format(instant);
}

/** A date and time with the zone's short name, e.g. "Nov 22, 21:30 GMT+9" (the bare language tag,
 * so English in its default, US, order). */
export function formatShortDateTimeZone(instant: Date, zone: string, locale: Locale): string {
  return formatter(locale, zone, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).format(instant);
}

/** A medium date and short time in `zone`, e.g. "22 Nov 2021, 09:30". */
export function formatMediumDateTime(instant: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale[locale], zone, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(instant);
}

/** Day, date and time with the zone's long name, e.g. "Monday, 22 November 2021, 09:30 Korean
 * Standard Time": for mails, read far from the page that set them. */
export function formatLongDateTimeZone(instant: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale[locale], zone, { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "long" }).format(
    instant,
  );
}

/** A time of day in the browser's own language and zone, for moments seen as they happen (a chat
 * message, a raised hand): "09:30", or with seconds. */
export function formatBrowserClock(instant: Date | number, { seconds = false } = {}): string {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", ...(seconds && { second: "2-digit" }) }).format(instant);
}

/** The zone of the runtime this code runs in: the viewer's, in a browser. */
export function runtimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date range like "22–23 November 2021" in `zone`. */
export function formatDateRange(start: Date, end: Date, zone: string, locale: Locale): string {
  return formatter(intlLocale[locale], zone, { year: "numeric", month: "long", day: "numeric" }).formatRange(start, end);
}

/** Whether a calendar date and clock reading exist as written: JavaScript's Date would quietly
 * move 30 February to 2 March and 24:00 to the next day. */
function isRealDateTime(y: number, mo: number, d: number, h: number, mi: number, s = 0): boolean {
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 59;
}

/** Parses an ISO-8601 instant with an explicit offset or Z (as in `?now=`); null otherwise,
 * impossible dates and times (2027-02-30, 10:99) included. */
export function parseInstant(value: string | undefined | null): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))$/.exec(value) : null;
  if (!m || !isRealDateTime(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0)) return null;
  if (m[9] && (+m[9] > 23 || +m[10] > 59)) return null;
  const d = new Date(value!);
  return Number.isNaN(d.getTime()) ? null : d;
}

// The zones this runtime knows by their canonical names, read once; a form's zone is nearly always
// one of them. Other spellings (aliases such as "Asia/Calcutta") are tried one by one.
let canonicalZones: Set<string> | undefined;

export function isValidTimeZone(zone: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant at which the wall clock in `zone` reads `local` ("YYYY-MM-DDTHH:mm"); for form
 * inputs. Null for a reading that does not exist: a malformed or impossible one (10:99,
 * 30 February), or one a daylight-saving change skips — never quietly moved to another. */
export function zonedLocalToUtc(local: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m || !isRealDateTime(+m[1], +m[2], +m[3], +m[4], +m[5]) || !isValidTimeZone(zone)) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset even next to a daylight-saving change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), zone);
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute);
    guess += asUtc - shown;
  }
  const instant = new Date(guess);
  return utcToZonedLocal(instant, zone) === local ? instant : null;
}

/** The wall-clock reading of `instant` in `zone` as "YYYY-MM-DDTHH:mm", for datetime-local inputs. */
export function utcToZonedLocal(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
