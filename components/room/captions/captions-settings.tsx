"use client";
// The viewer's captions settings in the room's settings panel: on or off, text size, position.
import { useTranslations } from "next-intl";
import { CAPTION_POSITIONS, CAPTION_SIZES, type RoomCaptions } from "@/components/captions/use-captions";

/** One choice of several, as radio buttons named in words. */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset className="text-sm">
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1">
            <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} data-testid={`${name}-${o}`} />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CaptionsSettings({ captions }: { captions: RoomCaptions }) {
  const t = useTranslations("captions.live");
  if (!captions.available) return null;
  return (
    <section aria-labelledby="captions-title" className="space-y-2" data-testid="captions-settings">
      <h3 id="captions-title" className="font-semibold">
        {t("title")}
      </h3>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={captions.shown} onChange={(e) => captions.setShown(e.target.checked)} data-testid="captions-shown" />
        {t("show")}
      </label>
      <Choice legend={t("size")} name="caption-size" options={CAPTION_SIZES} value={captions.size} label={(s) => t(`sizes.${s}`)} onChange={captions.setSize} />
      <Choice legend={t("position")} name="caption-position" options={CAPTION_POSITIONS} value={captions.position} label={(p) => t(`positions.${p}`)} onChange={captions.setPosition} />
    </section>
  );
}
