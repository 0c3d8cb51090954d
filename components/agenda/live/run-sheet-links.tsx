// The organizer dashboard's way into the day: one run-sheet link per forum.
import { getTranslations } from "next-intl/server";
import { getRunSheetForums } from "@/lib/agenda/live/data";
import type { OrganizerAccess } from "@/lib/auth/session";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

export async function RunSheetLinks({ access, locale }: { access: OrganizerAccess; locale: Locale }) {
  const t = await getTranslations("live.dashboard");
  const forums = await getRunSheetForums(access);
  if (forums.length === 0) return null;
  return (
    <section aria-labelledby="run-the-day" className="space-y-2" data-testid="run-sheet-links">
      <h2 id="run-the-day" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("intro")}</p>
      <ul className="list-inside list-disc">
        {forums.map((f) => (
          <li key={f.slug}>
            <Link href={`/organizer/events/${access.slug}/forums/${f.slug}/run`} className="text-sky-900 underline">
              {t("link", { forum: pickText(f.title, locale) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
