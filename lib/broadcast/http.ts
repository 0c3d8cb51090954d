// The HTTP side of the broadcast's routes: the viewer's language from `?lang=`, and HLS answers
// with their caching headers (CORS open, so a player on another origin or a CDN may read them).
import "server-only";
import { Readable } from "node:stream";
import { locales, type Locale } from "@/lib/i18n/routing";
import type { HlsAnswer } from "./data";

export function localeParam(req: Request): Locale {
  const lang = new URL(req.url).searchParams.get("lang");
  return (locales as readonly string[]).includes(lang ?? "") ? (lang as Locale) : "en";
}

export function hlsResponse(answer: HlsAnswer): Response {
  // A segment streams from storage as it is read, never whole in memory.
  const body = typeof answer.body === "string" ? answer.body : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>);
  return new Response(body, {
    headers: {
      ...(answer.length !== undefined ? { "content-length": String(answer.length) } : {}),
      "content-type": answer.contentType,
      "cache-control": answer.cacheControl,
      "access-control-allow-origin": "*",
      "x-content-type-options": "nosniff",
    },
  });
}
