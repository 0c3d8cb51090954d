"use client";
// Which player plays (choose-player.ts): WebRTC first when offered, HLS when WebRTC cannot connect
// (saying so) or when the viewer asks for low bandwidth. Channel and volume carry across a switch.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { choosePlayer, type PlayerKind } from "./choose-player";
import { HlsPlayer } from "./hls-player";
import { useListeningChoice } from "./listening";
import { controlButton } from "./player-controls";
import { WebrtcPlayer, type StageInfo } from "./webrtc-player";

export interface WatchPlayerProps {
  forumId: string;
  title: string;
  stage: StageInfo;
  /** WebRTC is offered and a broadcast is open. */
  webrtc: boolean;
  /** The master playlist, while HLS is offered and on air. */
  hlsUrl: string | null;
}

export function WatchPlayer({ forumId, title, stage, webrtc, hlsUrl }: WatchPlayerProps) {
  const t = useTranslations("watch");
  const listening = useListeningChoice();
  const [webrtcFailed, setWebrtcFailed] = useState(false);
  const [picked, setPicked] = useState<PlayerKind | null>(null);
  const onFailed = useCallback(() => setWebrtcFailed(true), []);
  const choice = choosePlayer({ webrtc, hlsUrl }, { webrtcFailed, picked });

  const switchTo = (kind: PlayerKind) => (
    <button type="button" className={controlButton} onClick={() => setPicked(kind)} data-testid={`watch-switch-${kind}`}>
      {kind === "hls" ? t("switchHls") : t("switchWebrtc")}
    </button>
  );
  return (
    <div className="space-y-2" data-testid="watch-player" data-player={choice.kind ?? ""}>
      {choice.fellBack && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="watch-fell-back">
          {t("fellBack")}
        </p>
      )}
      {choice.kind === "webrtc" && <WebrtcPlayer forumId={forumId} stage={stage} listening={listening} onFailed={onFailed} extra={choice.switchable && switchTo("hls")} />}
      {choice.kind === "hls" && hlsUrl && <HlsPlayer src={hlsUrl} title={title} channels={stage.channels} listening={listening} extra={choice.switchable && switchTo("webrtc")} />}
      {choice.kind === null && (
        <div className="grid aspect-video place-items-center rounded bg-slate-950 p-4 text-center text-white" data-testid="watch-unplayable">
          <div className="space-y-3">
            <p role="status">{webrtcFailed ? t("cannotConnect") : t("starting")}</p>
            {webrtcFailed && (
              <button type="button" className={controlButton} onClick={() => setWebrtcFailed(false)} data-testid="watch-retry">
                {t("retry")}
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
