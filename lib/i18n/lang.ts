// Language tags for the lang attribute (BCP 47): of each interface language, and of a piece of text
// shown on a page of another language, so screen readers voice it and browsers pick its glyphs.
import type { Locale } from "./routing";

/** Chinese is written in simplified characters here; "zh-Hans" says so (plain "zh" does not). */
export const langTag: Record<Locale, string> = { ko: "ko", zh: "zh-Hans", en: "en" };

/** The language `text` is most likely in, judged by its script: Hangul is Korean, Han without
 * Hangul Chinese, Latin letters English (the Latin form of names is for readers of English);
 * null when there is nothing to judge by (digits, punctuation). */
export function scriptLocale(text: string): Locale | null {
  if (/\p{Script=Hangul}/u.test(text)) return "ko";
  if (/\p{Script=Han}/u.test(text)) return "zh";
  if (/\p{Script=Latin}/u.test(text)) return "en";
  return null;
}

/** The lang attribute for `text` on a page in `locale`: undefined when it is the page's own. */
export function langOf(text: string, locale: Locale): string | undefined {
  const own = scriptLocale(text);
  return own && own !== locale ? langTag[own] : undefined;
}
