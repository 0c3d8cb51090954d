"use client";
// A labelled select of a GET filter form; "all" is the empty value. With autoSubmit a change
// applies at once (the form still has its own button for use without JavaScript).
import { inputClass } from "./field";

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
  autoSubmit = false,
}: {
  name: string;
  label: string;
  allLabel: string;
  value?: string;
  options: FilterOption[];
  autoSubmit?: boolean;
}) {
  return (
    <label className="block text-sm font-medium text-slate-800">
      {label}
      <select name={name} defaultValue={value ?? ""} className={inputClass} onChange={autoSubmit ? (e) => e.currentTarget.form?.requestSubmit() : undefined}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
