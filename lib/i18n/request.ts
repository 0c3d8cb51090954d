// next-intl's per-request configuration: the locale from the URL and its message catalogue.
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { messageFeatures } from "./catalogue";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const base = (await import(`../../messages/${locale}.json`)).default;
  const features = await Promise.all(messageFeatures.map(async (f) => (await import(`../../messages/${f}/${locale}.json`)).default));
  return { locale, messages: Object.assign({}, base, ...features) };
});
