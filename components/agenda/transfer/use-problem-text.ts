// Words a report's problem in the reader's language: transfer.problems for the cells, and the
// agenda editor's own conflict messages for the conflict rules (the same rules, the same words).
import { useLocale, useTranslations } from "next-intl";
import type { Conflict } from "@/lib/agenda/conflicts";
import type { Problem } from "@/lib/agenda/transfer/report";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatClock, formatShortDate } from "@/lib/time/zones";

export function useProblemText(zone: string) {
  const t = useTranslations("transfer");
  const tc = useTranslations("editor.conflicts");
  const locale = useLocale() as Locale;
  const when = (iso: string) => `${formatShortDate(new Date(iso), zone, locale)} ${formatClock(new Date(iso), zone)}`;
  const conflictText = (c: Conflict) => {
    switch (c.type) {
      case "endBeforeStart":
        return tc("endBeforeStart");
      case "outsideEvent":
        return tc("outsideEvent", { start: when(c.startsAt), end: when(c.endsAt) });
      case "outsideBlock":
        return tc("outsideBlock", { forum: pickText(c.forum, locale), start: when(c.startsAt), end: when(c.endsAt) });
      case "overlap":
        return tc("overlap", { title: pickText(c.title, locale) });
      case "doubleBooked":
        return tc("doubleBooked", { person: c.person, title: pickText(c.title, locale), forum: pickText(c.forum, locale) });
      case "sessionOutside":
        return tc("sessionOutside", { title: pickText(c.title, locale) });
      case "forumOutside":
        return tc("forumOutside", { title: pickText(c.title, locale) });
    }
  };
  const column = (key: string) => (t.has(`columns.${key}`) ? t(`columns.${key}` as "columns.kind") : key);

  return {
    column,
    problem(p: Problem): string {
      if (p.conflict) {
        const prefix = p.session ? t("report.otherSession", { title: pickText(p.session, locale) }) : "";
        return prefix + conflictText(p.conflict);
      }
      const params = { ...p.params };
      // Column lists arrive as keys; show them as the headers the reader knows.
      if (typeof params.columns === "string") params.columns = params.columns.split(", ").map(column).join(", ");
      const key = `problems.${p.message}`;
      return t.has(key) ? t(key as "problems.invalid", params) : t("problems.invalid");
    },
  };
}
