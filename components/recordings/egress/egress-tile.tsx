"use client";
// One person in the recording: their camera or shared screen, or their name on a dark tile when
// there is no picture; a label (name, organisation) is burnt into the video.
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Track, VideoQuality, type RemoteParticipant } from "livekit-client";
import { readAttributes } from "@/components/room/attributes";
import { VideoView } from "@/components/room/video-view";
import type { Locale } from "@/lib/i18n/routing";
import type { TileSource } from "./speaker-layout";

export function EgressTile({ participant, source, locale, large }: { participant: RemoteParticipant; source: TileSource; locale: Locale; large: boolean }) {
  const t = useTranslations("egressLayout");
  const pub = participant.getTrackPublication(source === "screen" ? Track.Source.ScreenShare : Track.Source.Camera);
  const track = pub?.isSubscribed && !pub.isMuted ? pub.videoTrack : undefined;
  const name = participant.name || participant.identity;
  const organisation = readAttributes(participant.attributes, locale).organisation;
  const label = source === "screen" ? t("screenOf", { name }) : name;

  // Without adaptive stream the recorder asks for layers itself: the main tile's best, the strip's smallest.
  useEffect(() => {
    pub?.setVideoQuality(large ? VideoQuality.HIGH : VideoQuality.LOW);
  }, [pub, large]);

  return (
    <figure
      className="relative h-full w-full overflow-hidden rounded bg-neutral-900"
      data-testid="egress-tile"
      data-identity={participant.identity}
      data-source={source}
      data-place={large ? "main" : "strip"}
    >
      {track ? (
        <>
          <VideoView track={track} label={label} fit={source === "screen" || large ? "contain" : "cover"} />
          <figcaption className={`absolute max-w-[90%] truncate rounded bg-black/70 text-white ${large ? "left-4 top-4 px-3 py-1 text-xl" : "bottom-1 left-1 px-2 py-0.5 text-sm"}`}>
            {label}
            {organisation && source === "camera" && <span className="ml-2 text-neutral-300">{organisation}</span>}
          </figcaption>
        </>
      ) : (
        <figcaption className="grid h-full place-items-center p-2 text-center">
          <span>
            <span className={`block font-semibold text-neutral-100 ${large ? "text-5xl" : "text-lg"}`}>{name}</span>
            {organisation && <span className={`mt-2 block text-neutral-400 ${large ? "text-2xl" : "text-sm"}`}>{organisation}</span>}
          </span>
        </figcaption>
      )}
    </figure>
  );
}
