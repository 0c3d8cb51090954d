// The language of an Auth.js address: sign-in links carry where they return to (`callbackUrl`,
// a page under /ko, /zh or /en), and so does the link's own callback. Auth.js sends every error
// to one configured page (the English sign-in page); the route answers with the page in the
// link's language instead. Pure: unit-tested beside.
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { locales, type Locale } from "@/lib/i18n/routing";

function localeOfPath(path: string): Locale | null {
  const segment = path.replace(/^https?:\/\/[^/]+/, "").split(/[/?#]/)[1] ?? "";
  return (locales as readonly string[]).includes(segment) ? (segment as Locale) : null;
}

/** The language of the page a sign-in link returns to, else the browser's. */
export function localeOfAuthUrl(url: string, acceptLanguage: string | null): Locale {
  let callback = "";
  try {
    callback = new URL(url).searchParams.get("callbackUrl") ?? "";
  } catch {
    // Not a URL: no callback, so the browser's language.
  }
  return localeOfPath(callback) ?? negotiateLocale(acceptLanguage);
}

/** Auth.js's redirect to one of its English pages (`/en/sign-in…`), moved to `locale`. */
export function localizedAuthLocation(location: string, locale: Locale): string {
  return location.replace(/^((?:https?:\/\/[^/]+)?\/)en(\/sign-in(?:[/?#]|$))/, `$1${locale}$2`);
}
