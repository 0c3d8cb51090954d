"use client";
// The watch page's live part: follows the broadcast (use-broadcast-status.ts) and shows the player
// while the forum is on air, the off-air note (with the next session's time, rendered by the
// server) otherwise, and the session's Q&A, polls or pinned question beside it; on a phone the
// player comes first and the tabs below.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { WatchView } from "@/lib/broadcast/types";
import { onAir, useBroadcastStatus } from "./use-broadcast-status";
import { WatchPlayerLoader } from "./watch-player-loader";
import { WatchSide } from "./watch-side";
import type { StageInfo } from "./webrtc-player";

export interface WatchLiveProps {
  view: Pick<WatchView, "forumId" | "title" | "broadcast" | "hlsUrl" | "sessionId" | "webrtc" | "canTakePart" | "eventSlug">;
  stage: StageInfo;
  /** What the page says while nothing is on air. */
  offAir: ReactNode;
}

export function WatchLive({ view, stage, offAir }: WatchLiveProps) {
  const t = useTranslations("watch");
  const status = useBroadcastStatus(view.forumId, { broadcast: view.broadcast, hlsUrl: view.hlsUrl, sessionId: view.sessionId });
  const air = onAir(status);
  const webrtc = view.webrtc && air.webrtc;
  const hlsUrl = air.hls ? status.hlsUrl : null;
  const playing = webrtc || hlsUrl !== null || status.broadcast?.status === "starting";
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="watch-live" data-status={status.broadcast?.status ?? "none"}>
      <div className="min-w-0">
        {playing ? (
          <WatchPlayerLoader forumId={view.forumId} title={view.title} stage={stage} webrtc={webrtc} hlsUrl={hlsUrl} />
        ) : (
          <div className="space-y-2 rounded border border-slate-300 bg-slate-50 p-4" data-testid="watch-off-air">
            <p role="status" className="text-lg font-semibold">
              {t("offAir")}
            </p>
            {offAir}
          </div>
        )}
      </div>
      <WatchSide sessionId={status.sessionId} eventSlug={view.eventSlug} canTakePart={view.canTakePart} />
    </div>
  );
}
