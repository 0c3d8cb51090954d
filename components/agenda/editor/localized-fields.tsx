"use client";
// One text in three languages: a labelled input (or textarea) per language, lang-tagged.
import { useTranslations } from "next-intl";
import { FieldError, inputClass } from "@/components/ui/field";
import type { LocalizedText } from "@/lib/i18n/localized";
import { locales } from "@/lib/i18n/routing";

export function LocalizedFields({
  name,
  label,
  value,
  onChange,
  error,
  multiline = false,
}: {
  name: string;
  label: string;
  value: LocalizedText;
  onChange: (v: LocalizedText) => void;
  error?: string;
  multiline?: boolean;
}) {
  const tl = useTranslations("languages");
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className={multiline ? "space-y-2" : "grid gap-2 sm:grid-cols-3"}>
        {locales.map((l) => {
          const id = `${name}-${l}`;
          const props = {
            id,
            "name": id,
            "lang": l,
            "value": value[l],
            "aria-invalid": error ? true : undefined,
            "className": inputClass,
            "onChange": (e: { target: { value: string } }) => onChange({ ...value, [l]: e.target.value }),
          };
          return (
            <div key={l}>
              <label htmlFor={id} className="block text-xs text-slate-700">
                {tl(l)}
              </label>
              {multiline ? <textarea {...props} rows={3} /> : <input {...props} type="text" />}
            </div>
          );
        })}
      </div>
      <FieldError id={`${name}-error`} message={error} />
    </fieldset>
  );
}
