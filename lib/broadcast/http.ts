// The HTTP side of the broadcast's routes: the viewer's language from `?lang=`, and HLS answers
// with their caching headers (CORS open, so a player on another origin or a CDN may read them).
import "server-only";
import { buffer } from "node:stream/consumers";
import { locales, type Locale } from "@/lib/i18n/routing";
import type { HlsAnswer } from "./data";

export function localeParam(req: Request): Locale {
  const lang = new URL(req.url).searchParams.get("lang");
  return (locales as readonly string[]).includes(lang ?? "") ? (lang as Locale) : "en";
}

export async function hlsResponse(answer: HlsAnswer): Promise<Response> {
  const body = typeof answer.body === "string" ? answer.body : new Uint8Array(await buffer(answer.body));
  return new Response(body, {
    headers: {
      "content-type": answer.contentType,
      "cache-control": answer.cacheControl,
      "access-control-allow-origin": "*",
      "x-content-type-options": "nosniff",
    },
  });
}
