// GET|POST /api/auth/* — Auth.js: sign-in, sign-out, email links, CSRF token, session. Its
// redirects to its own (English) pages go to the sign-in page in the link's language.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { localeOfAuthUrl, localizedAuthLocation } from "@/lib/auth/auth-urls";

async function localized(req: NextRequest, res: Response): Promise<Response> {
  const location = res.headers.get("location");
  if (!location) return res;
  const moved = localizedAuthLocation(location, localeOfAuthUrl(req.url, req.headers.get("accept-language")));
  if (moved === location) return res;
  const headers = new Headers(res.headers);
  headers.set("location", moved);
  return new Response(res.body, { status: res.status, headers });
}

export const GET = async (req: NextRequest) => localized(req, await handlers.GET(req));
export const POST = handlers.POST;
