"use client";
// One line of the participants list: who, from where, in which role, hand and media state, and for
// organizers the moderation buttons for that person.
import { useLocale, useTranslations } from "next-intl";
import { Track, type Participant } from "livekit-client";
import type { Locale } from "@/lib/i18n/routing";
import { muteTrackAction, removeParticipantAction, setShareAction, setSpeakAction } from "@/lib/rooms/actions";
import { displayName, readAttributes } from "./attributes";
import { useRoomInfo } from "./room-info";
import type { RoomAction } from "./use-room-action";

const small = "rounded border border-slate-400 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50";

export function ParticipantRow({ participant, moderation }: { participant: Participant; moderation: RoomAction | null }) {
  const t = useTranslations("room.people");
  const { sessionId, breakoutId } = useRoomInfo();
  const person = readAttributes(participant.attributes, useLocale() as Locale);
  const name = participant.name || participant.identity;
  const mic = participant.getTrackPublication(Track.Source.Microphone);
  const camera = participant.getTrackPublication(Track.Source.Camera);
  const micOn = !!mic && !mic.isMuted;
  const cameraOn = !!camera && !camera.isMuted;
  const canPublish = !!participant.permissions?.canPublish;
  const sources = participant.permissions?.canPublishSources ?? [];
  const maySpeak = canPublish && sources.some((s) => Track.sourceFromProto(s) === Track.Source.Microphone);
  const mayShare = canPublish && sources.some((s) => Track.sourceFromProto(s) === Track.Source.ScreenShare);
  // Only delegates are given the floor on request (lib/rooms/grants.ts); observers never speak.
  const delegate = person.role === "delegate";
  const id = participant.identity;
  const run = moderation?.run;
  return (
    <li className="space-y-1 border-b border-slate-200 py-2" data-testid="participant" data-identity={id} data-name={name}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold">{displayName(participant)}</span>
        {participant.isLocal && <span className="text-sm text-slate-600">({t("you")})</span>}
        {person.handRaisedAt && (
          <span role="img" aria-label={t("handRaised")}>
            ✋
          </span>
        )}
      </div>
      <p className="text-sm text-slate-700">
        {person.role && <span data-testid="participant-role">{t(`roles.${person.role}`)}</span>}
        {person.organisation && <span data-testid="participant-organisation"> · {person.organisation}</span>}
      </p>
      <p className="text-xs text-slate-600">
        {micOn ? t("micOn") : t("micOff")} · {cameraOn ? t("cameraOn") : t("cameraOff")}
        {delegate && maySpeak && <> · {t("maySpeak")}</>}
        {delegate && mayShare && <> · {t("mayShare")}</>}
      </p>
      {run && !participant.isLocal && (
        <div className="flex flex-wrap gap-1" role="group" aria-label={t("moderate", { name })}>
          {micOn && (
            <button type="button" className={small} disabled={moderation.pending} onClick={() => run(() => muteTrackAction(sessionId, id, mic.trackSid, breakoutId))}>
              {t("muteMic")}
            </button>
          )}
          {cameraOn && (
            <button type="button" className={small} disabled={moderation.pending} onClick={() => run(() => muteTrackAction(sessionId, id, camera.trackSid, breakoutId))}>
              {t("muteCamera")}
            </button>
          )}
          {delegate && (
            <button type="button" className={small} disabled={moderation.pending} onClick={() => run(() => setSpeakAction(sessionId, id, !maySpeak, breakoutId))}>
              {maySpeak ? t("takeBack") : t("letSpeak")}
            </button>
          )}
          {delegate && (
            <button type="button" className={small} disabled={moderation.pending} onClick={() => run(() => setShareAction(sessionId, id, !mayShare, breakoutId))}>
              {mayShare ? t("takeBackShare") : t("letShare")}
            </button>
          )}
          {person.role !== "organizer" && (
            <button
              type="button"
              className={`${small} border-red-700 text-red-800`}
              disabled={moderation.pending}
              onClick={() => window.confirm(t("confirmRemove", { name })) && run(() => removeParticipantAction(sessionId, id, breakoutId))}
            >
              {t("remove")}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
