"use client";
// One person on the stage: their camera or shared screen (or their name when there is no video),
// the name in its own script first with the Latin form beside it, organisation, microphone state,
// raised hand, speaking level and connection, and a button to pin the tile large.
import { useLocale, useTranslations } from "next-intl";
import { useIsMuted, useIsSpeaking, useParticipantTracks, useTrackVolume } from "@livekit/components-react";
import { Track, type Participant } from "livekit-client";
import type { Locale } from "@/lib/i18n/routing";
import { readAttributes } from "./attributes";
import { ConnectionQuality } from "./connection-quality";
import { Icon } from "./icons";
import { VideoView } from "./video-view";

export type TileSize = "main" | "strip" | "grid" | "self";

export function ParticipantTile({ participant, source, size, pinned, onPin }: { participant: Participant; source: "camera" | "screen"; size: TileSize; pinned: boolean; onPin: () => void }) {
  const t = useTranslations("room.tile");
  const trackSource = source === "screen" ? Track.Source.ScreenShare : Track.Source.Camera;
  const publication = participant.getTrackPublication(trackSource);
  const name = participant.name || participant.identity;
  const person = readAttributes(participant.attributes, useLocale() as Locale);
  const [mic] = useParticipantTracks([Track.Source.Microphone], participant.identity);
  const micMuted = useIsMuted({ participant, source: Track.Source.Microphone });
  const level = useTrackVolume(mic);
  const speaking = useIsSpeaking(participant);
  const videoMuted = useIsMuted({ participant, source: trackSource });
  const track = publication?.track;
  const screen = source === "screen";
  const label = screen ? t("screenOf", { name }) : t("cameraOf", { name });
  const small = size === "strip" || size === "self";
  return (
    <figure
      className={`group relative h-full w-full overflow-hidden rounded-lg bg-slate-800 text-white ${small ? "aspect-video" : ""} ${speaking && !screen ? "ring-4 ring-emerald-400" : ""}`}
      data-testid="tile"
      data-identity={participant.identity}
      data-name={name}
      data-source={source === "screen" ? "screen_share" : "camera"}
      data-size={size}
      data-audio-level={level.toFixed(3)}
      data-mic-muted={micMuted}
    >
      {track && !videoMuted ? (
        <VideoView track={track} label={label} fit={screen ? "contain" : "cover"} mirror={participant.isLocal && !screen} />
      ) : (
        <div className="grid h-full place-items-center p-2 text-center" aria-hidden="true">
          <span className={small ? "text-sm font-semibold" : "text-2xl font-semibold"}>{name}</span>
        </div>
      )}
      <figcaption className="absolute inset-x-0 bottom-0 flex items-center gap-2 bg-slate-950/75 px-2 py-1 text-sm">
        <span className="min-w-0 truncate">
          <span className="font-semibold">{screen ? t("screenOf", { name }) : name}</span>
          {!screen && person.nameLatin && person.nameLatin !== name && <span className="ml-1 text-slate-300">{person.nameLatin}</span>}
          {!small && person.organisation && <span className="ml-1 text-slate-300">· {person.organisation}</span>}
          {participant.isLocal && <span className="ml-1 text-slate-300">({t("you")})</span>}
        </span>
        <span className="ml-auto flex shrink-0 items-center gap-2">
          {person.handRaisedAt && (
            <span role="img" aria-label={t("handRaised")} className="text-amber-300" data-testid="tile-hand">
              <Icon name="hand" className="h-4 w-4" />
            </span>
          )}
          {micMuted && (
            <span role="img" aria-label={t("micOff")} data-testid="tile-mic-off">
              <Icon name="micOff" className="h-4 w-4" />
            </span>
          )}
          <span className="h-3 w-8 rounded bg-slate-600" aria-hidden="true">
            <span className="block h-3 rounded bg-emerald-400" style={{ width: `${Math.min(100, Math.round(level * 300))}%` }} />
          </span>
          <ConnectionQuality participant={participant} />
        </span>
      </figcaption>
      <button
        type="button"
        onClick={onPin}
        aria-pressed={pinned}
        className="absolute right-1 top-1 rounded bg-slate-950/75 p-1.5 opacity-0 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-sky-300 group-hover:opacity-100 aria-pressed:opacity-100"
        data-testid="pin"
      >
        <Icon name="pin" className="h-4 w-4" />
        <span className="sr-only">{pinned ? t("unpin", { name: label }) : t("pin", { name: label })}</span>
      </button>
    </figure>
  );
}
