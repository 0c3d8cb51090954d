"use client";
// The stage's picture as the recording draws it (Egress's "speaker" layout): the shared screen or
// the speaker large, the most recent other speakers in a strip, the current session in a lower
// third and the question being answered now over the top. The recorder and the audience's WebRTC
// player both show exactly this; what fills the frame while nobody is on stage is the caller's.
import type { ReactNode } from "react";
import type { Room } from "livekit-client";
import { PinnedQuestion, usePinnedQuestion } from "@/components/qa/pinned-question";
import type { LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { LayoutSession } from "@/lib/rooms/layout-data";
import { EgressTile } from "./egress-tile";
import { LowerThird } from "./lower-third";
import { pickFocus, speakerLayout } from "./speaker-layout";
import { speakingIdentities, stagePeople } from "./stage-people";
import { useCurrentSession } from "./use-current-session";
import { useStageFocus } from "./use-stage-focus";

export interface StagePictureProps {
  room: Room;
  locale: Locale;
  eventSlug: string;
  forumTitle: LocalizedText;
  sessions: LayoutSession[];
  /** Shown in place of the main tile while nobody is on stage. */
  empty: ReactNode;
}

export function StagePicture({ room, locale, eventSlug, forumTitle, sessions, empty }: StagePictureProps) {
  const { focus, sharedAt } = useStageFocus(room);
  const people = stagePeople(room, sharedAt);
  const { main, strip } = speakerLayout(people, pickFocus(people, speakingIdentities(room), focus));
  const participant = (identity: string) => room.remoteParticipants.get(identity);
  const mainParticipant = main && participant(main.identity);
  return (
    <>
      <div className="relative min-h-0 flex-1">
        {mainParticipant ? <EgressTile participant={mainParticipant} source={main.source} locale={locale} large /> : empty}
        <StagePinned eventSlug={eventSlug} sessions={sessions} />
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
    </>
  );
}

/** The current session's pinned question, large over the top of the picture. */
function StagePinned({ eventSlug, sessions }: { eventSlug: string; sessions: LayoutSession[] }) {
  const session = useCurrentSession(sessions);
  const pinned = usePinnedQuestion(eventSlug, session?.id ?? null);
  return (
    <div className="pointer-events-none absolute inset-x-6 top-6 flex justify-center">
      <PinnedQuestion question={pinned} large />
    </div>
  );
}
