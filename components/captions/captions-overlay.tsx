"use client";
// Live captions over a stage (the room's, the audience's WebRTC player's): the last two lines of
// the channel the viewer listens to, for as long as they are fresh, in the size and at the place
// the viewer chose; marked as automatic.
// Not a live region: screen readers already hear the speech, and would read every interim twice.
import { useTranslations } from "next-intl";
import { channelLines } from "@/lib/captions/lines";
import type { Channel } from "@/lib/rooms/interpretation";
import { useNow } from "@/components/room/use-now";
import type { CaptionSize, RoomCaptions } from "./use-captions";

/** A caption stays this long after its last word arrived. */
const FRESH_MS = 8_000;

const sizeClass: Record<CaptionSize, string> = { small: "text-base", medium: "text-xl", large: "text-3xl" };

/** `channelLabel`: the channel's name as the page around it calls it. */
export function CaptionsOverlay({ captions, channel, channelLabel }: { captions: RoomCaptions; channel: Channel; channelLabel: string }) {
  const t = useTranslations("captions.live");
  // Re-read every second, so a caption leaves when it is no longer fresh (receivedAt is on this clock).
  const now = useNow();
  if (!captions.available || !captions.shown) return null;
  const recent = channelLines(captions.lines, channel)
    .filter((l) => now - l.receivedAt < FRESH_MS)
    .slice(-2);
  return (
    <div
      role="region"
      aria-label={t("region", { channel: channelLabel })}
      className={`pointer-events-none absolute inset-x-3 z-10 flex flex-col items-center gap-1 ${captions.position === "top" ? "top-14" : "bottom-3"}`}
      data-testid="captions"
      data-channel={channel}
      data-size={captions.size}
      data-position={captions.position}
    >
      {recent.length > 0 && <span className="rounded bg-slate-950/85 px-2 py-0.5 text-xs text-slate-200">{t("automatic", { channel: channelLabel })}</span>}
      {recent.map((l) => (
        <p
          key={l.segmentId}
          lang={l.language || undefined}
          className={`max-w-4xl rounded bg-slate-950/85 px-3 py-1 text-center leading-snug text-white ${sizeClass[captions.size]}`}
          data-testid="caption-line"
          data-final={l.final}
        >
          {l.text}
        </p>
      ))}
    </div>
  );
}
