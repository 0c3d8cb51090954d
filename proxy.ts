// Locale routing: "/" and paths without a locale redirect by cookie or Accept-Language (next-intl);
// a path whose first segment is a language we don't serve answers the localized 404 page.
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { isUnknownLocaleSegment, negotiateLocale } from "@/lib/i18n/negotiate";
import { routing } from "@/lib/i18n/routing";

const intl = createMiddleware(routing);

export default function proxy(req: NextRequest) {
  const segment = req.nextUrl.pathname.split("/")[1] ?? "";
  if (isUnknownLocaleSegment(segment)) {
    const url = req.nextUrl.clone();
    url.pathname = `/${negotiateLocale(req.headers.get("accept-language"))}/not-found`;
    return NextResponse.rewrite(url);
  }
  return intl(req);
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
