// Picks the interface language from an Accept-Language header (RFC 9110 quality values).
import { locales, routing, type Locale } from "./routing";

export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return routing.defaultLocale;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    const hit = locales.find((l) => l === base);
    if (hit) return hit;
  }
  return routing.defaultLocale;
}

/** A first path segment that looks like a language tag (e.g. "fr", "pt-BR") but is not ours. */
export function isUnknownLocaleSegment(segment: string): boolean {
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(segment) && !(locales as readonly string[]).includes(segment);
}
