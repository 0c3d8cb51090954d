// Speakers with their organisation; the name in its own script with the Latin form beside it.
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { Speaker } from "@/lib/agenda/types";

export function speakerName(sp: Speaker, locale: Locale): string {
  if (!sp.nameLatin || sp.nameLatin === sp.name) return sp.name;
  return locale === "en" ? `${sp.nameLatin} (${sp.name})` : `${sp.name} (${sp.nameLatin})`;
}

export function SpeakerList({ speakers, locale, detailed = false }: { speakers: Speaker[]; locale: Locale; detailed?: boolean }) {
  if (speakers.length === 0) return null;
  return (
    <ul className={detailed ? "space-y-2" : "text-sm text-slate-700"}>
      {speakers.map((sp) => (
        <li key={`${sp.name}-${sp.nameLatin}`} className={detailed ? "" : "inline after:content-['·'] after:mx-1 last:after:content-none"}>
          <span className={detailed ? "font-medium" : ""}>{speakerName(sp, locale)}</span>
          {sp.organization && (
            <span className={detailed ? "block text-sm text-slate-600" : "text-slate-600"}>
              {detailed ? "" : ", "}
              {pickText(sp.organization.name, locale)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
