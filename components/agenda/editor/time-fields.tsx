"use client";
// Start and end entered as wall-clock times in a chosen zone, with a live preview of the same
// slot in the event's other zones and the viewer's own.
import { useLocale, useTranslations } from "next-intl";
import { useBrowserZone } from "@/components/agenda/day-context";
import { FieldError, inputClass } from "@/components/ui/field";
import type { DisplayZone } from "@/lib/agenda/types";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { zoneCity } from "@/lib/time/zone-names";
import { formatClockRange, formatShortDate, offsetLabel, zonedLocalToUtc } from "@/lib/time/zones";

export interface TimeValue {
  zone: string;
  startsAt: string;
  endsAt: string;
}

export function TimeFields({
  value,
  onChange,
  homeZone,
  zones,
  errors = {},
  zoneLocked = false,
}: {
  value: TimeValue;
  onChange: (v: TimeValue) => void;
  homeZone: string;
  zones: DisplayZone[];
  errors?: Partial<Record<keyof TimeValue, string>>;
  /** The zone is chosen elsewhere (the event's home zone); show it instead of a picker. */
  zoneLocked?: boolean;
}) {
  const t = useTranslations("editor.time");
  const locale = useLocale() as Locale;
  const viewer = useBrowserZone();
  const choices = [...new Set([homeZone, ...zones.map((z) => z.zone), ...(viewer ? [viewer] : []), "UTC"])];
  const label = (zone: string) => {
    const shown = zones.find((z) => z.zone === zone);
    return shown ? `${pickText(shown.label, locale)} ${shown.abbr}` : zoneCity(zone, locale);
  };
  const start = zonedLocalToUtc(value.startsAt, value.zone);
  const end = zonedLocalToUtc(value.endsAt, value.zone);
  const preview = start && end && end > start ? [...new Set([...zones.map((z) => z.zone), ...(viewer ? [viewer] : [])])].filter((z) => z !== value.zone) : [];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="time-zone" className="block text-xs text-slate-700">
            {t("zone")}
          </label>
          {zoneLocked ? (
            <input id="time-zone" readOnly value={label(value.zone)} className={inputClass} />
          ) : (
            <select id="time-zone" name="zone" value={value.zone} onChange={(e) => onChange({ ...value, zone: e.target.value })} className={inputClass}>
              {choices.map((z) => (
                <option key={z} value={z}>
                  {label(z)}
                </option>
              ))}
            </select>
          )}
        </div>
        <div>
          <label htmlFor="time-start" className="block text-xs text-slate-700">
            {t("start")}
          </label>
          <input
            id="time-start"
            name="startsAt"
            type="datetime-local"
            value={value.startsAt}
            aria-invalid={errors.startsAt ? true : undefined}
            aria-describedby={errors.startsAt ? "time-start-error" : undefined}
            onChange={(e) => onChange({ ...value, startsAt: e.target.value })}
            className={inputClass}
          />
          <FieldError id="time-start-error" message={errors.startsAt} />
        </div>
        <div>
          <label htmlFor="time-end" className="block text-xs text-slate-700">
            {t("end")}
          </label>
          <input
            id="time-end"
            name="endsAt"
            type="datetime-local"
            value={value.endsAt}
            aria-invalid={errors.endsAt ? true : undefined}
            aria-describedby={errors.endsAt ? "time-end-error" : undefined}
            onChange={(e) => onChange({ ...value, endsAt: e.target.value })}
            className={inputClass}
          />
          <FieldError id="time-end-error" message={errors.endsAt} />
        </div>
      </div>
      <div aria-live="polite" className="text-sm text-slate-700" data-testid="time-preview">
        {start && end && end > start ? (
          <ul>
            {preview.map((zone) => (
              <li key={zone} data-zone={zone}>
                {formatShortDate(start, zone, locale)} {formatClockRange(start, end, zone)} — {label(zone)}, {offsetLabel(start, zone)}
                {zone === viewer && ` · ${t("yours")}`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("previewHint")}</p>
        )}
      </div>
    </fieldset>
  );
}
