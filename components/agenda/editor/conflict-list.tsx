"use client";
// The conflicts a change would cause, in the user's language, times in the event's home zone.
import { useLocale, useTranslations } from "next-intl";
import type { Conflict } from "@/lib/agenda/conflicts";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatClock, formatShortDate } from "@/lib/time/zones";

export function ConflictList({ conflicts, zone, title }: { conflicts: Conflict[]; zone: string; title?: string }) {
  const t = useTranslations("editor.conflicts");
  const locale = useLocale() as Locale;
  if (!conflicts.length) return null;
  const when = (iso: string) => (iso ? `${formatShortDate(new Date(iso), zone, locale)} ${formatClock(new Date(iso), zone)}` : "");
  const line = (c: Conflict) => {
    switch (c.type) {
      case "endBeforeStart":
        return t("endBeforeStart");
      case "outsideEvent":
        return t("outsideEvent", { start: when(c.startsAt), end: when(c.endsAt) });
      case "outsideBlock":
        return t("outsideBlock", { forum: pickText(c.forum, locale), start: when(c.startsAt), end: when(c.endsAt) });
      case "overlap":
        return t("overlap", { title: pickText(c.title, locale) });
      case "doubleBooked":
        return t("doubleBooked", { person: c.person, title: pickText(c.title, locale), forum: pickText(c.forum, locale) });
      case "sessionOutside":
        return t("sessionOutside", { title: pickText(c.title, locale) });
      case "forumOutside":
        return t("forumOutside", { title: pickText(c.title, locale) });
    }
  };
  return (
    <div role="alert" className="rounded border border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="conflicts">
      <p className="font-medium">{title ?? t("title")}</p>
      <ul className="mt-1 list-disc pl-5">
        {conflicts.map((c, i) => (
          <li key={i}>{line(c)}</li>
        ))}
      </ul>
    </div>
  );
}
