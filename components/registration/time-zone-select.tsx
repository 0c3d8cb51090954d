"use client";
// Time-zone picker, pre-filled from the browser's own zone.
import { useState, useSyncExternalStore } from "react";
import { inputClass } from "@/components/ui/field";

const noop = () => () => {};
const zones = () => Intl.supportedValuesOf("timeZone");

export function TimeZoneSelect({ id, name, initial, ...a11y }: { id: string; name: string; initial?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) {
  const browser = useSyncExternalStore(noop, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
  const [chosen, setChosen] = useState<string | null>(initial || null);
  const value = chosen ?? browser ?? "UTC";
  const options = zones();
  return (
    <select id={id} name={name} value={value} onChange={(e) => setChosen(e.target.value)} className={inputClass} {...a11y}>
      {!options.includes(value) && <option value={value}>{value}</option>}
      {options.map((z) => (
        <option key={z} value={z}>
          {z.replace(/_/g, " ")}
        </option>
      ))}
    </select>
  );
}
