"use client";
// The watch page's captions beside the player: the viewer's settings (shown or not, size,
// position: the same as in the room) and the transcript of the channel heard, with its search —
// what the room's Settings and Transcript panels give a delegate. Shown once the stream has captions.
import { useTranslations } from "next-intl";
import type { RoomCaptions } from "@/components/captions/use-captions";
import { CaptionsSettings } from "@/components/room/captions/captions-settings";
import { TranscriptPanel } from "@/components/room/captions/transcript-panel";
import type { CaptionLine } from "@/lib/captions/lines";
import type { Channel } from "@/lib/rooms/interpretation";

interface WatchCaptionsProps {
  captions: RoomCaptions;
  lines: readonly CaptionLine[];
  channel: Channel;
  nameOf: (l: CaptionLine) => string;
}

export function WatchCaptions({ captions, lines, channel, nameOf }: WatchCaptionsProps) {
  const t = useTranslations("captions.live");
  if (!captions.available) return null;
  return (
    <details className="rounded border border-slate-300 p-2" data-testid="watch-captions-panel">
      <summary className="cursor-pointer font-medium text-slate-900">{t("watchPanel")}</summary>
      <div className="mt-2 space-y-4">
        <CaptionsSettings captions={captions} />
        <TranscriptPanel lines={lines} channel={channel} nameOf={nameOf} />
      </div>
    </details>
  );
}
