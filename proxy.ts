// Locale routing: "/" and paths without a locale redirect by cookie or Accept-Language (next-intl);
// a path whose first segment is a language we don't serve answers the localized 404 page; a path
// that names one of ours passes on with next-intl's language cookie and alternates, computed
// directly (lib/i18n/locale-path.ts).
// Every page answer carries the security headers (lib/security/headers.ts), set here because
// they depend on the running server's configuration (LiveKit and S3 addresses).
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { alternateLinks, LOCALE_COOKIE, pathLocale, shouldSetLocaleCookie } from "@/lib/i18n/locale-path";
import { isUnknownLocaleSegment, negotiateLocale } from "@/lib/i18n/negotiate";
import { routing, type Locale } from "@/lib/i18n/routing";
import { pageSecurityHeaders, type SecurityConfig } from "@/lib/security/headers";

const intl = createMiddleware(routing);
/** The request header next-intl's server functions read the locale from (next-intl/dist/…/shared/constants). */
const LOCALE_HEADER = "X-NEXT-INTL-LOCALE";

let security: SecurityConfig | undefined;

function securityConfig(): SecurityConfig {
  if (security) return security;
  const env = getEnv();
  const s3 = env.S3_BUCKET ? { endpoint: env.S3_ENDPOINT, bucket: env.S3_BUCKET, region: env.S3_REGION, forcePathStyle: env.S3_FORCE_PATH_STYLE } : undefined;
  security = { liveKitUrl: env.LIVEKIT_URL, s3, publicBaseUrl: env.PUBLIC_BASE_URL, dev: process.env.NODE_ENV === "development" };
  return security;
}

/** A path with an encoded control character (`/en/sessions/a%00b`) names no page: PostgreSQL cannot hold a NUL. */
function hasControlCharacter(pathname: string): boolean {
  return /%(0[0-9a-f]|1[0-9a-f]|7f)/i.test(pathname) || /[\u0000-\u001f\u007f]/.test(pathname);
}

/** A page in one of our languages: what next-intl's middleware answers for it, without its routing work. */
function localizedPage(req: NextRequest, locale: Locale): NextResponse {
  const headers = new Headers(req.headers);
  headers.set(LOCALE_HEADER, locale);
  const res = NextResponse.next({ request: { headers } });
  const facts = { locale, cookie: req.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: req.headers.get("accept-language"), fetchDest: req.headers.get("sec-fetch-dest") };
  if (shouldSetLocaleCookie(facts)) res.cookies.set(LOCALE_COOKIE, locale, { sameSite: "lax" });
  res.headers.set("Link", alternateLinks(req.nextUrl.pathname, locale, securityConfig().publicBaseUrl));
  return res;
}

function route(req: NextRequest): NextResponse {
  const { pathname } = req.nextUrl;
  if (hasControlCharacter(pathname)) return notFound(req);
  const locale = pathLocale(pathname);
  if (locale) return localizedPage(req, locale);
  if (isUnknownLocaleSegment(pathname.split("/")[1] ?? "")) return notFound(req);
  return intl(req);
}

function notFound(req: NextRequest): NextResponse {
  const url = req.nextUrl.clone();
  url.pathname = `/${negotiateLocale(req.headers.get("accept-language"))}/not-found`;
  return NextResponse.rewrite(url);
}

export default function proxy(req: NextRequest) {
  const res = route(req);
  const headers = pageSecurityHeaders(
    {
      pathname: req.nextUrl.pathname,
      protocol: req.nextUrl.protocol,
      forwardedProto: req.headers.get("x-forwarded-proto"),
      host: req.headers.get("host"),
      egressUrl: req.nextUrl.searchParams.get("url"),
    },
    securityConfig(),
  );
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
