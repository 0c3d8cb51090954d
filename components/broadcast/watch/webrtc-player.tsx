"use client";
// The WebRTC view-only player (sub-second): a hidden, subscribe-only connection to the forum's
// stage, drawn exactly as the recording draws it, with the sound of the channel the viewer picks
// and, when the forum is captioned, that channel's live captions over it.
// It never publishes (the token cannot) and nobody sees the viewer (the token is hidden). When it
// cannot connect within CONNECT_TIMEOUT_MS, or the token route fails, it tells the page, which
// falls back to HLS.
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { RoomEvent } from "livekit-client";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { CaptionsOverlay } from "@/components/captions/captions-overlay";
import { speakerOf } from "@/components/captions/speaker";
import { useCaptions } from "@/components/captions/use-captions";
import { StagePicture } from "@/components/recordings/egress/stage-picture";
import { useSubscriberRoom, type RoomTarget } from "@/components/recordings/egress/use-subscriber-room";
import type { LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { liveChannels } from "@/lib/rooms/interpretation";
import type { LayoutSession } from "@/lib/rooms/layout-data";
import { audiencePlan, audienceWants, roomAudio } from "./audience-mix";
import type { Listening } from "./listening";
import { CaptionsButton, ChannelSelect, FullscreenButton, SoundControls, useChannelName } from "./player-controls";
import { WatchCaptions } from "./watch-captions";
import { StageAudio } from "./stage-audio";
import { useAudienceToken } from "./use-audience-token";

const CONNECT_TIMEOUT_MS = 10_000;

export interface StageInfo {
  locale: Locale;
  eventSlug: string;
  forumTitle: LocalizedText;
  sessions: LayoutSession[];
  /** The event's interpretation channels. */
  channels: Locale[];
}

interface WebrtcPlayerProps {
  forumId: string;
  stage: StageInfo;
  listening: Listening;
  onFailed: () => void;
  /** Controls the page adds to the bar (the switch to HLS). */
  extra?: ReactNode;
}

export function WebrtcPlayer({ forumId, stage, listening, onFailed, extra }: WebrtcPlayerProps) {
  const t = useTranslations("watch");
  const token = useAudienceToken(forumId);
  const failed = token.kind === "failed";
  useEffect(() => {
    if (failed) onFailed();
  }, [failed, onFailed]);
  if (token.kind === "ready") return <WebrtcStage target={token.target} stage={stage} listening={listening} onFailed={onFailed} extra={extra} />;
  const message = token.kind === "refused" ? (token.status === 409 ? t("offAirNow") : t("refusedNow")) : t("connecting");
  return (
    <div className="grid aspect-video place-items-center rounded bg-slate-950 p-4 text-center text-white" data-testid="webrtc-waiting" data-token={token.kind}>
      <p role="status">{message}</p>
    </div>
  );
}

function WebrtcStage({ target, stage, listening, onFailed, extra }: Omit<WebrtcPlayerProps, "forumId"> & { target: RoomTarget }) {
  const t = useTranslations("watch");
  const { channel } = listening;
  const wants = useMemo(() => audienceWants(channel), [channel]);
  const { room, phase } = useSubscriberRoom(target, wants);
  const frame = useRef<HTMLDivElement>(null);
  const [canPlayAudio, setCanPlayAudio] = useState(true);
  const captions = useCaptions(room);
  const channelName = useChannelName();

  useEffect(() => {
    if (phase === "unreachable") onFailed();
    if (phase !== "connecting") return;
    const timer = setTimeout(onFailed, CONNECT_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [phase, onFailed]);

  useEffect(() => {
    const follow = () => setCanPlayAudio(room.canPlaybackAudio);
    room.on(RoomEvent.AudioPlaybackStatusChanged, follow);
    return () => {
      room.off(RoomEvent.AudioPlaybackStatusChanged, follow);
    };
  }, [room]);

  const people = [...room.remoteParticipants.values()];
  const live = liveChannels(roomAudio(room), people);
  const plan = audiencePlan(room, channel);
  const empty = (
    <div className="grid h-full place-items-center p-4 text-center" data-testid="webrtc-empty">
      <p className="text-lg text-neutral-200">{phase === "connected" ? t("stageEmpty") : phase === "ended" ? t("ended") : t("connecting")}</p>
    </div>
  );
  return (
    <div className="space-y-2" data-testid="webrtc-player" data-phase={phase}>
      <div ref={frame} className="relative flex aspect-video flex-col gap-2 overflow-hidden rounded bg-black p-2 text-white">
        <LiveStatusProvider slug={stage.eventSlug}>
          <StagePicture room={room} locale={stage.locale} eventSlug={stage.eventSlug} forumTitle={stage.forumTitle} sessions={stage.sessions} empty={empty} />
        </LiveStatusProvider>
        <CaptionsOverlay captions={captions} channel={channel} channelLabel={channelName(channel)} />
        {!canPlayAudio && (
          <button
            type="button"
            onClick={() => void room.startAudio()}
            className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded bg-sky-700 px-3 py-2 text-white focus-visible:outline-2 focus-visible:outline-white"
            data-testid="watch-start-audio"
          >
            {t("startAudio")}
          </button>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <ChannelSelect
          options={[{ channel: "floor", available: true, selectable: true }, ...stage.channels.map((c) => ({ channel: c, available: live.includes(c), selectable: true }))]}
          listening={listening}
        />
        <SoundControls listening={listening} />
        {captions.available && <CaptionsButton captions={captions} />}
        <FullscreenButton target={frame} />
        {extra}
      </div>
      <WatchCaptions captions={captions} lines={captions.lines} channel={channel} nameOf={(l) => speakerOf(room, l)} />
      {channel !== "floor" && !live.includes(channel) && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="watch-channel-silent">
          {t("channelSilent")}
        </p>
      )}
      <StageAudio room={room} plan={plan} volume={listening.volume} muted={listening.muted} />
    </div>
  );
}
