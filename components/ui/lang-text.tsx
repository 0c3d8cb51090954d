// Text that may be in another language than the page's, marked with its own lang attribute.
import { pickedLocale, type LocalizedText } from "@/lib/i18n/localized";
import { langOf, langTag } from "@/lib/i18n/lang";
import type { Locale } from "@/lib/i18n/routing";

/** A {ko,zh,en} text in the page's language, or the language it fell back to, marked as such. */
export function PickedText({ text, locale }: { text: LocalizedText; locale: Locale }) {
  const picked = pickedLocale(text, locale);
  return picked === locale ? <>{text[picked]}</> : <span lang={langTag[picked]}>{text[picked]}</span>;
}

/** A name as its owner writes it; its script tells its language. */
export function NameText({ name, locale }: { name: string; locale: Locale }) {
  const lang = langOf(name, locale);
  return lang ? <span lang={lang}>{name}</span> : <>{name}</>;
}
