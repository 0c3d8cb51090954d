"use client";
// Before entering, for what the viewer's role will do in the room: those who may appear on camera
// (organizers, speakers, delegates once let speak) preview camera and microphone and choose them;
// interpreters check their microphone only (they go on air from the booth); observers, who only
// listen, test their speakers. Choices are remembered for the next room. The name others will see
// is the registered one (nobody can enter under another name). Join stays on screen at every size.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { usePersistentUserChoices, usePreviewTracks, useTrackVolume } from "@livekit/components-react";
import { LocalAudioTrack, LocalVideoTrack, Room, Track } from "livekit-client";
import { inputClass } from "@/components/ui/field";
import { Link } from "@/lib/i18n/navigation";
import { useRoomInfo } from "./room-info";
import type { JoinChoices } from "./use-room-connection";
import { VideoView } from "./video-view";

function useDevices(kind: MediaDeviceKind, refresh: unknown) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    let live = true;
    // Labels are only listed once a preview has been allowed, so list again when it changes.
    Room.getLocalDevices(kind, false).then(
      (d) => live && setDevices(d),
      () => live && setDevices([]),
    );
    return () => {
      live = false;
    };
  }, [kind, refresh]);
  return devices;
}

/** A short tone through the speakers, made in the browser (no sound file to fetch). */
function playTestTone() {
  const ctx = new AudioContext();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 523;
  gain.gain.setValueAtTime(0.2, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 1.2);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 1.2);
  setTimeout(() => void ctx.close(), 1500);
}

function DeviceChoice({ label, value, devices, onChange }: { label: string; value: string; devices: MediaDeviceInfo[]; onChange: (id: string) => void }) {
  const t = useTranslations("room.preJoin");
  return (
    <label className="block text-sm font-medium text-slate-800">
      {label}
      <select className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("defaultDevice")}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || t("deviceN", { n: i + 1 })}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PreJoin({ onJoin }: { onJoin: (c: JoinChoices) => void }) {
  const t = useTranslations("room.preJoin");
  const room = useTranslations("room");
  const { viewer, forum, backHref, heading, backLabel } = useRoomInfo();
  const role = viewer.role;
  const usesCamera = role !== "interpreter" && role !== "observer";
  const usesMicrophone = role !== "observer";
  const {
    userChoices: saved,
    saveAudioInputEnabled,
    saveVideoInputEnabled,
    saveAudioInputDeviceId,
    saveVideoInputDeviceId,
  } = usePersistentUserChoices({
    defaults: { audioEnabled: true, videoEnabled: true },
  });
  const [failed, setFailed] = useState(false);
  const [toneHeard, setToneHeard] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const audioOn = usesMicrophone && (role === "interpreter" || saved.audioEnabled);
  const videoOn = usesCamera && saved.videoEnabled;
  const tracks = usePreviewTracks({ audio: audioOn ? { deviceId: saved.audioDeviceId || undefined } : false, video: videoOn ? { deviceId: saved.videoDeviceId || undefined } : false }, onError);
  const video = videoOn ? (tracks?.find((tr) => tr.kind === Track.Kind.Video) as LocalVideoTrack | undefined) : undefined;
  const audio = audioOn ? (tracks?.find((tr) => tr.kind === Track.Kind.Audio) as LocalAudioTrack | undefined) : undefined;
  const volume = useTrackVolume(audio);
  const cameras = useDevices("videoinput", tracks);
  const microphones = useDevices("audioinput", tracks);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onJoin({ audioEnabled: usesMicrophone && saved.audioEnabled, videoEnabled: videoOn, audioDeviceId: saved.audioDeviceId, videoDeviceId: saved.videoDeviceId });
  };

  const level = (
    <div className="h-2 rounded bg-slate-200" aria-hidden="true">
      <div className="h-2 rounded bg-emerald-600 transition-[width]" style={{ width: `${Math.min(100, Math.round(volume * 300))}%` }} data-testid="preview-level" />
    </div>
  );

  return (
    <form onSubmit={submit} className="flex min-h-0 flex-1 flex-col" aria-labelledby="prejoin-title" data-testid="prejoin" data-role={role}>
      <header className="flex shrink-0 items-center gap-3 border-b border-slate-800 px-3 py-2">
        <h1 className="min-w-0 truncate font-semibold">{heading ?? room("heading", { forum: forum.title })}</h1>
        <Link href={backHref} className="ml-auto shrink-0 text-sm text-sky-200 underline">
          {backLabel ?? room("outcome.back")}
        </Link>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto bg-white text-slate-900">
        <div className="mx-auto grid max-w-4xl gap-4 p-4 md:grid-cols-2">
          <h2 id="prejoin-title" className="text-xl font-semibold md:col-span-2">
            {t("title")}
          </h2>
          <div className="space-y-2">
            <div className="text-sm text-slate-800" data-testid="prejoin-name">
              <p className="font-medium">{t("name")}</p>
              <p className="text-base font-semibold">{viewer.nameLatin && viewer.nameLatin !== viewer.name ? `${viewer.name} · ${viewer.nameLatin}` : viewer.name}</p>
              <p className="text-xs text-slate-600">{t("nameFromRegistration")}</p>
            </div>
            {usesCamera && (
              <div className="aspect-video max-h-[32vh] overflow-hidden rounded bg-slate-900">
                {video ? <VideoView track={video} mirror label={t("preview")} /> : <p className="grid h-full place-items-center text-slate-200">{t("cameraOff")}</p>}
              </div>
            )}
            {usesMicrophone && level}
            {failed && (
              <p role="alert" className="text-sm text-red-800">
                {t("deviceError")}
              </p>
            )}
          </div>
          <fieldset className="space-y-3">
            <legend className="sr-only">{t("settings")}</legend>
            {role === "observer" && (
              <div className="space-y-2" data-testid="speaker-test">
                <p className="text-sm text-slate-700">{t("observerNote")}</p>
                <button
                  type="button"
                  onClick={() => {
                    playTestTone();
                    setToneHeard(true);
                  }}
                  className="rounded border border-slate-400 px-3 py-2 text-sm font-medium"
                >
                  {t("testSpeakers")}
                </button>
                {toneHeard && <p className="text-sm text-slate-700">{t("testSpeakersHint")}</p>}
              </div>
            )}
            {role === "interpreter" && <p className="text-sm text-slate-700">{t("interpreterNote")}</p>}
            {usesMicrophone && role !== "interpreter" && (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={saved.audioEnabled} onChange={(e) => saveAudioInputEnabled(e.target.checked)} />
                {t("microphoneOn")}
              </label>
            )}
            {usesMicrophone && <DeviceChoice label={t("microphone")} value={saved.audioDeviceId} devices={microphones} onChange={saveAudioInputDeviceId} />}
            {usesCamera && (
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={saved.videoEnabled} onChange={(e) => saveVideoInputEnabled(e.target.checked)} />
                {t("cameraOn")}
              </label>
            )}
            {usesCamera && <DeviceChoice label={t("camera")} value={saved.videoDeviceId} devices={cameras} onChange={saveVideoInputDeviceId} />}
            {role === "delegate" && <p className="text-sm text-slate-700">{t("listenFirst")}</p>}
          </fieldset>
        </div>
      </div>
      <div className="shrink-0 border-t border-slate-800 bg-slate-950 p-3">
        <button
          type="submit"
          data-testid="join"
          className="mx-auto block w-full max-w-md rounded bg-sky-700 px-4 py-3 font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
        >
          {t("join")}
        </button>
      </div>
    </form>
  );
}
