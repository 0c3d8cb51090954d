// Picks the report's session: a GET form, so the choice lives in the URL and works without JavaScript.
import { inputClass } from "@/components/ui/field";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatClockRange, formatShortDate } from "@/lib/time/zones";

interface Forum {
  id: string;
  title: LocalizedText;
  sessions: { id: string; title: LocalizedText; startsAt: Date; endsAt: Date }[];
}

export function SessionPicker({ forums, selected, zone, locale, label, submit }: { forums: Forum[]; selected: string; zone: string; locale: Locale; label: string; submit: string }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <label className="block min-w-0 grow text-sm font-medium text-slate-800 sm:max-w-xl">
        {label}
        <select name="session" defaultValue={selected} className={inputClass} data-testid="session-picker">
          {forums.map((f) => (
            <optgroup key={f.id} label={pickText(f.title, locale)}>
              {f.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${formatShortDate(s.startsAt, zone, locale)} ${formatClockRange(s.startsAt, s.endsAt, zone)} · ${pickText(s.title, locale)}`}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-sky-900 px-3 py-1.5 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
        {submit}
      </button>
    </form>
  );
}
