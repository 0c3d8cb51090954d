// The three interface languages; the locale is the first segment of every page URL.
import { defineRouting } from "next-intl/routing";

export const locales = ["ko", "zh", "en"] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
  localeCookie: { name: "PLENARY_LOCALE" },
});
