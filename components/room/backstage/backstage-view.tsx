"use client";
// The forum's backstage, once connected: for a speaker or interpreter, the notice that an organizer
// will bring them on stage, their own preview and devices, who else waits, and a chat with the
// organizers; for an organizer visiting, the Backstage list and the way back to the stage. The
// move to the stage itself is use-room-connection's, on the server's word.
import { useTranslations } from "next-intl";
import { RoomAudioRenderer, StartAudio, useLocalParticipant, useRemoteParticipants } from "@livekit/components-react";
import { useRoomInfo } from "../room-info";
import { VideoView } from "../video-view";
import { BackstageChat } from "./backstage-chat";
import { BackstageList } from "./backstage-list";
import { useBackstage } from "./use-backstage";

const toggleClass = "rounded border border-slate-500 px-3 py-1.5 text-sm font-medium aria-pressed:bg-slate-800 aria-pressed:text-white focus-visible:outline-2 focus-visible:outline-sky-700";

function OrganizerTools({ onStage }: { onStage: () => void }) {
  const t = useTranslations("backstage");
  const { sessionId } = useRoomInfo();
  const { view, refresh } = useBackstage(sessionId);
  return (
    <section aria-label={t("panel.title")} className="space-y-3" data-testid="backstage-panel">
      {view && <BackstageList view={view} refresh={refresh} />}
      <button type="button" onClick={onStage} className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white focus-visible:outline-2 focus-visible:outline-sky-300" data-testid="back-to-stage">
        {t("backToStage")}
      </button>
    </section>
  );
}

export function BackstageView({ onLeave, onStage }: { onLeave: () => void; onStage: () => void }) {
  const t = useTranslations("backstage");
  const roles = useTranslations("room.people.roles");
  const heading = useTranslations("room");
  const { viewer, forum } = useRoomInfo();
  const { localParticipant, isCameraEnabled, isMicrophoneEnabled, cameraTrack } = useLocalParticipant();
  const others = useRemoteParticipants();
  const video = cameraTrack?.track;
  // Interpreters publish only their voice (lib/rooms/grants.ts).
  const mayFilm = viewer.role !== "interpreter";
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="backstage">
      <header className="flex shrink-0 items-center gap-3 border-b border-slate-800 px-3 py-2">
        <h1 className="min-w-0 truncate font-semibold">
          {heading("heading", { forum: forum.title })} · {t("title")}
        </h1>
        <button type="button" onClick={onLeave} className="ml-auto shrink-0 rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-sky-300">
          {t("leave")}
        </button>
      </header>
      <div className="grid min-h-0 flex-1 gap-4 overflow-y-auto bg-white p-4 text-slate-900 md:grid-cols-2">
        <div className="space-y-3">
          <div role="status" className="rounded border border-sky-300 bg-sky-50 p-3" data-testid="backstage-notice">
            <p className="font-semibold">{viewer.isOrganizer ? t("organizerNotice") : t("notice")}</p>
            {!viewer.isOrganizer && <p className="mt-1 text-sm">{t("noticeHint")}</p>}
          </div>
          <figure className="space-y-1">
            <div className="aspect-video overflow-hidden rounded bg-slate-900 text-slate-100">
              {video && isCameraEnabled ? <VideoView track={video} mirror label={t("preview")} /> : <p className="flex h-full items-center justify-center">{t("cameraOff")}</p>}
            </div>
            <figcaption className="text-sm text-slate-700">{t("preview")}</figcaption>
          </figure>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              aria-pressed={isMicrophoneEnabled}
              onClick={() => void localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled).catch(() => {})}
              className={toggleClass}
              data-testid="backstage-mic"
            >
              {isMicrophoneEnabled ? t("microphoneStop") : t("microphoneOn")}
            </button>
            {mayFilm && (
              <button
                type="button"
                aria-pressed={isCameraEnabled}
                onClick={() => void localParticipant.setCameraEnabled(!isCameraEnabled).catch(() => {})}
                className={toggleClass}
                data-testid="backstage-camera"
              >
                {isCameraEnabled ? t("cameraStop") : t("cameraOn")}
              </button>
            )}
          </div>
          {viewer.isOrganizer && <OrganizerTools onStage={onStage} />}
        </div>
        <div className="space-y-4">
          <section aria-labelledby="backstage-others">
            <h2 id="backstage-others" className="font-semibold">
              {t("others")}
            </h2>
            <ul className="mt-1 space-y-1 text-sm" data-testid="backstage-others">
              {others.length === 0 && <li className="text-slate-600">{t("nobodyElse")}</li>}
              {others.map((p) => (
                <li key={p.identity}>
                  <span className="font-medium">{p.name || p.identity}</span>
                  {p.attributes.role && roles.has(p.attributes.role) && <span className="text-slate-700"> · {roles(p.attributes.role)}</span>}
                </li>
              ))}
            </ul>
          </section>
          <BackstageChat />
        </div>
      </div>
      <RoomAudioRenderer />
      <StartAudio label={heading("startAudio")} className="fixed bottom-6 left-1/2 z-50 -translate-x-1/2 rounded bg-sky-700 px-3 py-2 text-white" />
    </div>
  );
}
