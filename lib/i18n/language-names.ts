// Names of the three languages, from the runtime's CLDR data (Intl.DisplayNames) so that no two
// pages can name a language differently: in the page's language ("Chinese" / "중국어" / "中文") for
// labels, and each in itself ("中文") where a reader looks for their own language (the language
// switcher, interpretation channels). The message catalogue's entries are checked against these.
import type { Locale } from "./routing";

export const intlTag: Record<Locale, string> = { ko: "ko-KR", zh: "zh-CN", en: "en-GB" };

/** `language` named in `inLocale`: languageName("zh", "ko") → "중국어". */
export function languageName(language: Locale, inLocale: Locale): string {
  return new Intl.DisplayNames([intlTag[inLocale]], { type: "language" }).of(language) ?? language;
}

/** `language` named in itself: "한국어", "中文", "English". */
export function endonym(language: Locale): string {
  return languageName(language, language);
}
