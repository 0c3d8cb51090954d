"use client";
// The stage recording's picture (Egress's "speaker" layout drawn by us): the shared screen or the
// speaker large, the most recent other speakers in a strip, the current session in a lower third
// and the question being answered now over the top,
// and the floor's sound. Interpreters' tracks are never subscribed, so no channel leaks in.
import { useTranslations } from "next-intl";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { LayoutSession } from "@/lib/rooms/layout-data";
import { EgressTile } from "./egress-tile";
import { LowerThird } from "./lower-third";
import { RoomAudio } from "./room-audio";
import { pickFocus, speakerLayout } from "./speaker-layout";
import { isFloorTrack, speakingIdentities, stagePeople } from "./stage-people";
import { useEgressRoom } from "./use-egress-room";
import { useStageFocus } from "./use-stage-focus";
import { useStartRecording } from "./use-start-recording";
import { useCurrentSession } from "./use-current-session";
import { PinnedQuestion, usePinnedQuestion } from "@/components/qa/pinned-question";

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
  const { focus, sharedAt } = useStageFocus(room);
  const people = stagePeople(room, sharedAt);
  const { main, strip } = speakerLayout(people, pickFocus(people, speakingIdentities(room), focus));
  const participant = (identity: string) => room.remoteParticipants.get(identity);
  const mainParticipant = main && participant(main.identity);

  return (
    <LiveStatusProvider slug={eventSlug}>
      <div className="flex h-full flex-col gap-2 p-2" data-testid="egress-stage" data-phase={phase}>
        <div className="relative min-h-0 flex-1">
          {mainParticipant ? (
            <EgressTile participant={mainParticipant} source={main.source} locale={locale} large />
          ) : (
            <div className="grid h-full place-items-center text-center" data-testid="egress-waiting">
              <div>
                <p className="text-3xl font-semibold">{pickText(forumTitle, locale)}</p>
                <p className="mt-3 text-xl text-neutral-300">{phase === "connected" ? t("waiting") : t(`phase.${phase}`)}</p>
              </div>
            </div>
          )}
          <EgressPinned eventSlug={eventSlug} sessions={sessions} />
          <LowerThird forumTitle={forumTitle} sessions={sessions} locale={locale} />
        </div>
        {strip.length > 0 && (
          <ul className="flex h-[18%] shrink-0 justify-center gap-2" data-testid="egress-strip">
            {strip.map((tile) => {
              const p = participant(tile.identity);
              return p ? (
                <li key={`${tile.identity}:${tile.source}`} className="aspect-video h-full">
                  <EgressTile participant={p} source={tile.source} locale={locale} large={false} />
                </li>
              ) : null;
            })}
          </ul>
        )}
        <RoomAudio room={room} />
      </div>
    </LiveStatusProvider>
  );
}

/** The current session's pinned question, large over the top of the picture. */
function EgressPinned({ eventSlug, sessions }: { eventSlug: string; sessions: LayoutSession[] }) {
  const session = useCurrentSession(sessions);
  const pinned = usePinnedQuestion(eventSlug, session?.id ?? null);
  return (
    <div className="pointer-events-none absolute inset-x-6 top-6 flex justify-center">
      <PinnedQuestion question={pinned} large />
    </div>
  );
}
