"use client";
// An interpretation channel's recording: audio only. The recorder subscribes to the
// `interpretation:<lang>` track of the interpreter on duty in its language's booth, and follows
// the booth from one interpreter to the next, so a handover stays in one file; the floor, other
// channels and tracks merely named for the channel are never subscribed.
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { Track, type RemoteParticipant, type RemoteTrackPublication, type Room } from "livekit-client";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { boothHolders, channelOfTrack } from "@/lib/rooms/interpretation";
import { RoomAudio } from "./room-audio";
import { useEgressRoom } from "./use-egress-room";
import { useStartRecording } from "./use-start-recording";

export interface EgressChannelProps {
  locale: Locale;
  channel: Locale;
  forumTitle: LocalizedText;
}

export function EgressChannel({ locale, channel, forumTitle }: EgressChannelProps) {
  const t = useTranslations("egressLayout");
  const tl = useTranslations("languages");
  const wants = useCallback(
    (pub: RemoteTrackPublication, participant: RemoteParticipant, room: Room) =>
      pub.kind === Track.Kind.Audio && channelOfTrack(pub.trackName) === channel && boothHolders([...room.remoteParticipants.values()]).get(channel) === participant.identity,
    [channel],
  );
  const { room, phase } = useEgressRoom(wants);
  useStartRecording(room, phase === "connected", { video: false });
  return (
    <div className="grid h-full place-items-center text-center" data-testid="egress-channel" data-channel={channel} data-phase={phase}>
      <div>
        <p className="text-2xl text-neutral-300">{pickText(forumTitle, locale)}</p>
        <p className="mt-3 text-4xl font-semibold">{t("channel", { language: tl(channel) })}</p>
        {phase !== "connected" && <p className="mt-3 text-xl text-neutral-300">{t(`phase.${phase}`)}</p>}
      </div>
      <RoomAudio room={room} />
    </div>
  );
}
