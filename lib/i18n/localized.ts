// Text stored in three languages ({"ko","zh","en"} jsonb) and how to pick one. Pure and free of
// zod, so client components that show such text don't ship a schema library; reading the jsonb is
// localized-schema.ts.
import type { Locale } from "./routing";

// A type alias, not an interface: Prisma's JSON inputs take it as a plain object.
export type LocalizedText = { ko: string; zh: string; en: string };

const fallbackOrder: Record<Locale, Locale[]> = {
  ko: ["ko", "en", "zh"],
  zh: ["zh", "en", "ko"],
  en: ["en", "ko", "zh"],
};

/** The language pickText takes the text from: `locale`, or the first fallback that has one. */
export function pickedLocale(text: LocalizedText, locale: Locale): Locale {
  return fallbackOrder[locale].find((l) => text[l]) ?? locale;
}

/** The text in `locale`, falling back to another language rather than showing nothing. */
export function pickText(text: LocalizedText, locale: Locale): string {
  return text[pickedLocale(text, locale)];
}
