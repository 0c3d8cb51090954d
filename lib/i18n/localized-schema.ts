// Reading and validating three-language text ({"ko","zh","en"}) from jsonb and from forms.
import { z } from "@/lib/zod";
import type { LocalizedText } from "./localized";

export const localizedTextSchema = z.object({
  ko: z.string(),
  zh: z.string(),
  en: z.string(),
});

/** Parses a jsonb value read from the database; a malformed value is a data bug, so it throws. */
export function toLocalized(value: unknown): LocalizedText {
  return localizedTextSchema.parse(value);
}
