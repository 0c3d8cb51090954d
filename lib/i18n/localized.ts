// Text stored in three languages ({"ko","zh","en"} jsonb) and how to pick one.
import { z } from "zod";
import type { Locale } from "./routing";

export const localizedTextSchema = z.object({
  ko: z.string(),
  zh: z.string(),
  en: z.string(),
});

export type LocalizedText = z.infer<typeof localizedTextSchema>;

const fallbackOrder: Record<Locale, Locale[]> = {
  ko: ["ko", "en", "zh"],
  zh: ["zh", "en", "ko"],
  en: ["en", "ko", "zh"],
};

/** The text in `locale`, falling back to another language rather than showing nothing. */
export function pickText(text: LocalizedText, locale: Locale): string {
  for (const l of fallbackOrder[locale]) if (text[l]) return text[l];
  return "";
}

/** Parses a jsonb value read from the database; a malformed value is a data bug, so it throws. */
export function toLocalized(value: unknown): LocalizedText {
  return localizedTextSchema.parse(value);
}
