"use client";
// A participant's connection quality as three bars, named for assistive technology.
import { useTranslations } from "next-intl";
import { useConnectionQualityIndicator } from "@livekit/components-react";
import { ConnectionQuality as Quality, type Participant } from "livekit-client";

const bars: Record<Quality, number> = { [Quality.Excellent]: 3, [Quality.Good]: 2, [Quality.Poor]: 1, [Quality.Lost]: 0, [Quality.Unknown]: 0 };

export function ConnectionQuality({ participant }: { participant: Participant }) {
  const t = useTranslations("room.quality");
  const { quality } = useConnectionQualityIndicator({ participant });
  const label = t(quality);
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex items-end gap-0.5" data-testid="quality" data-quality={quality}>
      {[1, 2, 3].map((n) => (
        <span key={n} className={`w-1 rounded-sm ${n <= bars[quality] ? "bg-emerald-400" : "bg-slate-500"}`} style={{ height: `${n * 4}px` }} />
      ))}
    </span>
  );
}
