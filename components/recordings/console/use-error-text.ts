// A recording error in words: a message key under recordings.errors, or Egress's own text as is.
// No hooks but next-intl's, so server and client components both use it.
import { useTranslations } from "next-intl";

export function useErrorText(): (error: string) => string {
  const t = useTranslations("recordings.errors");
  return (error: string) => (t.has(error) ? t(error) : error);
}
