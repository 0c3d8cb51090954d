// What proxy.ts does for a page whose path already names its language (/ko/…, /zh/…, /en/…):
// the answers next-intl's middleware gives such a path, computed directly. next-intl's
// middleware stays in charge of every other path ("/" and unprefixed paths redirect by cookie or
// Accept-Language); on a prefixed page it only passes the request on, keeps the language
// cookie in step and lists the alternates — and it built the alternates from X-Forwarded-Host,
// which anyone can send. (Not for speed: measured, this saves nothing; bench/RESULTS.md.)
// Pure: unit-tested.
import { negotiateLocale } from "./negotiate";
import { locales, routing, type Locale } from "./routing";

/** The language a page path names in its first segment, exactly as we spell it; otherwise undefined. */
export function pathLocale(pathname: string): Locale | undefined {
  const end = pathname.indexOf("/", 1);
  const segment = end === -1 ? pathname.slice(1) : pathname.slice(1, end);
  return (locales as readonly string[]).includes(segment) ? (segment as Locale) : undefined;
}

export const LOCALE_COOKIE = routing.localeCookie && typeof routing.localeCookie === "object" ? (routing.localeCookie.name ?? "NEXT_LOCALE") : "NEXT_LOCALE";

export interface LocaleCookieFacts {
  /** The page's language, from its path. */
  locale: Locale;
  /** The language cookie's value, if the browser sent one. */
  cookie: string | undefined;
  acceptLanguage: string | null;
  /** Sec-Fetch-Dest: only a document load says the reader chose this page. */
  fetchDest: string | null;
}

/**
 * Whether the answer sets the language cookie to the page's language: on a document load, when
 * the cookie names another language, or when there is none and the browser's languages would
 * not have chosen this one (next-intl's rule: the client router's background fetches of a page
 * in the language just left must not switch the reader back).
 */
export function shouldSetLocaleCookie({ locale, cookie, acceptLanguage, fetchDest }: LocaleCookieFacts): boolean {
  if (fetchDest != null && fetchDest !== "document") return false;
  if (cookie !== undefined) return cookie !== locale;
  return negotiateLocale(acceptLanguage) !== locale;
}

/**
 * The `Link` header of a page in `locale`: the same page in each language, and as x-default the
 * path without a language, which picks one by cookie or Accept-Language (RFC 8288, hreflang as
 * search engines read it). `origin` is the site's configured address, never the request's Host
 * or X-Forwarded-Host: a shared cache would otherwise keep a forged host in the header.
 */
export function alternateLinks(pathname: string, locale: Locale, origin: string): string {
  const rest = pathname.slice(1 + locale.length);
  const base = origin.replace(/\/+$/, "");
  const entries = locales.map((l) => `<${base}/${l}${rest}>; rel="alternate"; hreflang="${l}"`);
  entries.push(`<${base}${rest || "/"}>; rel="alternate"; hreflang="x-default"`);
  return entries.join(", ");
}
