"use client";
// The viewer's captions settings in the room's settings panel: on or off, text size, position.
import { useTranslations } from "next-intl";
import { CAPTION_POSITIONS, CAPTION_SIZES, type RoomCaptions } from "@/components/captions/use-captions";

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
      <fieldset className="text-sm">
        <legend className="font-medium">{t("size")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {CAPTION_SIZES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input type="radio" name="caption-size" value={s} checked={captions.size === s} onChange={() => captions.setSize(s)} data-testid={`caption-size-${s}`} />
              {t(`sizes.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="text-sm">
        <legend className="font-medium">{t("position")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {CAPTION_POSITIONS.map((p) => (
            <label key={p} className="flex items-center gap-1">
              <input type="radio" name="caption-position" value={p} checked={captions.position === p} onChange={() => captions.setPosition(p)} data-testid={`caption-position-${p}`} />
              {t(`positions.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
