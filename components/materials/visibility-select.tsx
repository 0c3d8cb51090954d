// The labelled choice of who may download a material.
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";

export const visibilities = ["public", "registered", "organizers"] as const;

export function VisibilitySelect({ id, label, defaultValue }: { id: string; label: string; defaultValue: string }) {
  const t = useTranslations("materials.visibility");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name="visibility" defaultValue={defaultValue} className={inputClass}>
        {visibilities.map((v) => (
          <option key={v} value={v}>
            {t(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
