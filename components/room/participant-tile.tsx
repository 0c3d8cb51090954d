"use client";
// One person on the stage or in the grid: their camera or screen (or their name when there is
// none), with name, organisation, microphone state, raised hand, speaking level and connection.
import { useLocale, useTranslations } from "next-intl";
import { useIsMuted, useIsSpeaking, useParticipantTracks, useTrackVolume, type TrackReferenceOrPlaceholder } from "@livekit/components-react";
import { Track } from "livekit-client";
import type { Locale } from "@/lib/i18n/routing";
import { displayName, readAttributes } from "./attributes";
import { ConnectionQuality } from "./connection-quality";
import { VideoView } from "./video-view";

export function ParticipantTile({ trackRef, large = false }: { trackRef: TrackReferenceOrPlaceholder; large?: boolean }) {
  const t = useTranslations("room.tile");
  const { participant, source, publication } = trackRef;
  const name = participant.name || participant.identity;
  const person = readAttributes(participant.attributes, useLocale() as Locale);
  const [mic] = useParticipantTracks([Track.Source.Microphone], participant.identity);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const level = useTrackVolume(mic);
  const speaking = useIsSpeaking(participant);
  const track = publication?.track;
  const videoMuted = useIsMuted(trackRef);
  const screen = source === Track.Source.ScreenShare;
  const label = screen ? t("screenOf", { name }) : t("cameraOf", { name });
  return (
    <figure
      className={`relative overflow-hidden rounded bg-slate-800 text-white ${large ? "aspect-video" : "aspect-video text-sm"} ${speaking ? "ring-4 ring-emerald-400" : ""}`}
      data-testid="tile"
      data-identity={participant.identity}
      data-name={name}
      data-source={source}
      data-audio-level={level.toFixed(3)}
      data-mic-muted={micMuted}
    >
      {track && !videoMuted ? (
        <VideoView track={track} label={label} fit={screen ? "contain" : "cover"} mirror={participant.isLocal && !screen} />
      ) : (
        <div className="grid h-full place-items-center p-2 text-center text-lg font-semibold" aria-hidden="true">
          {name}
        </div>
      )}
      <figcaption className="absolute inset-x-0 bottom-0 flex items-center gap-2 bg-slate-950/70 px-2 py-1">
        <span className="truncate">
          {displayName(participant)}
          {person.organisation && <span className="ml-1 text-slate-300">· {person.organisation}</span>}
          {participant.isLocal && <span className="ml-1 text-slate-300">({t("you")})</span>}
        </span>
        <span className="ml-auto flex items-center gap-2">
          {person.handRaisedAt && (
            <span role="img" aria-label={t("handRaised")}>
              ✋
            </span>
          )}
          {micMuted && (
            <span role="img" aria-label={t("micOff")} data-testid="tile-mic-off">
              🔇
            </span>
          )}
          <span className="h-3 w-10 rounded bg-slate-600" aria-hidden="true">
            <span className="block h-3 rounded bg-emerald-400" style={{ width: `${Math.min(100, Math.round(level * 300))}%` }} />
          </span>
          <ConnectionQuality participant={participant} />
        </span>
      </figcaption>
    </figure>
  );
}
