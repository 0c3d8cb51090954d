"use client";
// The channel picker: a radio group (arrow keys move, each option labelled with its live state).
import { useTranslations } from "next-intl";
import { useId } from "react";
import { channels, type Channel } from "@/lib/rooms/interpretation";
import type { Locale } from "@/lib/i18n/routing";

export function ChannelPicker({
  legend,
  value,
  live,
  onChange,
  unavailable = null,
}: {
  legend: string;
  value: Channel;
  live: readonly Locale[];
  onChange: (c: Channel) => void;
  unavailable?: Channel | null;
}) {
  const t = useTranslations("interpretation");
  const group = useId();
  return (
    <fieldset className="space-y-1" data-testid="channel-picker">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      <div className="grid grid-cols-2 gap-1.5">
        {channels.map((c) => {
          const isLive = c === "floor" || live.includes(c);
          return (
            <label
              key={c}
              className={`flex cursor-pointer items-center gap-2 rounded border px-2 py-2 text-sm has-[:checked]:border-sky-800 has-[:checked]:bg-sky-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-700 ${isLive ? "border-slate-300" : "border-dashed border-slate-300"}`}
              data-testid={`channel-${c}`}
              data-live={isLive}
            >
              <input type="radio" name={group} value={c} checked={value === c} disabled={unavailable === c} onChange={() => onChange(c)} className="accent-sky-800" />
              <span className="font-medium">{t(`channels.${c}`)}</span>
              {c !== "floor" && <span className={`ml-auto text-xs ${isLive ? "text-emerald-800" : "text-slate-600"}`}>{isLive ? t("picker.live") : t("picker.off")}</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
