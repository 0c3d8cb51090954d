"use client";
// The stage recording's picture (Egress's "speaker" layout drawn by us, stage-picture.tsx) and the
// floor's sound. Interpreters' tracks are never subscribed, so no channel leaks in.
import { useTranslations } from "next-intl";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { LayoutSession } from "@/lib/rooms/layout-data";
import { RoomAudio } from "./room-audio";
import { isFloorTrack } from "./stage-people";
import { StagePicture } from "./stage-picture";
import { useEgressRoom } from "./use-egress-room";
import { useStartRecording } from "./use-start-recording";

export interface EgressStageProps {
  locale: Locale;
  eventSlug: string;
  forumTitle: LocalizedText;
  sessions: LayoutSession[];
}

export function EgressStage({ locale, eventSlug, forumTitle, sessions }: EgressStageProps) {
  const t = useTranslations("egressLayout");
  const { room, phase } = useEgressRoom(isFloorTrack);
  useStartRecording(room, phase === "connected", { video: true });
  const empty = (
    <div className="grid h-full place-items-center text-center" data-testid="egress-waiting">
      <div>
        <p className="text-3xl font-semibold">{pickText(forumTitle, locale)}</p>
        <p className="mt-3 text-xl text-neutral-300">{phase === "connected" ? t("waiting") : t(`phase.${phase}`)}</p>
      </div>
    </div>
  );
  return (
    <LiveStatusProvider slug={eventSlug}>
      <div className="flex h-full flex-col gap-2 p-2" data-testid="egress-stage" data-phase={phase}>
        <StagePicture room={room} locale={locale} eventSlug={eventSlug} forumTitle={forumTitle} sessions={sessions} empty={empty} />
        <RoomAudio room={room} />
      </div>
    </LiveStatusProvider>
  );
}
