// Locale routing: "/" and paths without a locale redirect by cookie or Accept-Language (next-intl);
// a path whose first segment is a language we don't serve answers the localized 404 page.
// Every page answer carries the security headers (lib/security/headers.ts), set here because
// they depend on the running server's configuration (LiveKit and S3 addresses).
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { isUnknownLocaleSegment, negotiateLocale } from "@/lib/i18n/negotiate";
import { routing } from "@/lib/i18n/routing";
import { pageSecurityHeaders, type SecurityConfig } from "@/lib/security/headers";

const intl = createMiddleware(routing);

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

function route(req: NextRequest): NextResponse {
  const segment = req.nextUrl.pathname.split("/")[1] ?? "";
  if (isUnknownLocaleSegment(segment) || hasControlCharacter(req.nextUrl.pathname)) {
    const url = req.nextUrl.clone();
    url.pathname = `/${negotiateLocale(req.headers.get("accept-language"))}/not-found`;
    return NextResponse.rewrite(url);
  }
  return intl(req);
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
