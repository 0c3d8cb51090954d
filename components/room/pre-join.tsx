"use client";
// Before entering: camera and microphone preview, device choice and mic/camera on or off —
// remembered in localStorage for the next room — and the name others will see, which is the
// registered one (nobody can enter under another name, an organizer's or a minister's).
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { usePersistentUserChoices, usePreviewTracks, useTrackVolume } from "@livekit/components-react";
import { LocalAudioTrack, LocalVideoTrack, Room, Track } from "livekit-client";
import { inputClass } from "@/components/ui/field";
import type { JoinChoices } from "./use-room-connection";
import { VideoView } from "./video-view";

function useDevices(kind: MediaDeviceKind, refresh: unknown) {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    let live = true;
    // Labels are only listed once a preview has been allowed, so list again when it changes.
    Room.getLocalDevices(kind, false).then((d) => live && setDevices(d), () => live && setDevices([]));
    return () => {
      live = false;
    };
  }, [kind, refresh]);
  return devices;
}

export function PreJoin({ name, nameLatin, listenFirst, onJoin }: { name: string; nameLatin: string | null; listenFirst: boolean; onJoin: (c: JoinChoices) => void }) {
  const t = useTranslations("room.preJoin");
  const { userChoices: saved, saveAudioInputEnabled, saveVideoInputEnabled, saveAudioInputDeviceId, saveVideoInputDeviceId } = usePersistentUserChoices({
    defaults: { audioEnabled: true, videoEnabled: true },
  });
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const tracks = usePreviewTracks(
    {
      audio: saved.audioEnabled ? { deviceId: saved.audioDeviceId || undefined } : false,
      video: saved.videoEnabled ? { deviceId: saved.videoDeviceId || undefined } : false,
    },
    onError,
  );
  const video = saved.videoEnabled ? (tracks?.find((tr) => tr.kind === Track.Kind.Video) as LocalVideoTrack | undefined) : undefined;
  const audio = saved.audioEnabled ? (tracks?.find((tr) => tr.kind === Track.Kind.Audio) as LocalAudioTrack | undefined) : undefined;
  const volume = useTrackVolume(audio);
  const cameras = useDevices("videoinput", tracks);
  const microphones = useDevices("audioinput", tracks);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onJoin({ audioEnabled: saved.audioEnabled, videoEnabled: saved.videoEnabled, audioDeviceId: saved.audioDeviceId, videoDeviceId: saved.videoDeviceId });
  };

  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" aria-labelledby="prejoin-title" data-testid="prejoin">
      <h2 id="prejoin-title" className="text-xl font-semibold md:col-span-2">
        {t("title")}
      </h2>
      <div className="space-y-2">
        <div className="aspect-video overflow-hidden rounded bg-slate-900">
          {video ? <VideoView track={video} mirror label={t("preview")} /> : <p className="grid h-full place-items-center text-slate-200">{t("cameraOff")}</p>}
        </div>
        <div className="h-2 rounded bg-slate-200" aria-hidden="true">
          <div className="h-2 rounded bg-emerald-600 transition-[width]" style={{ width: `${Math.min(100, Math.round(volume * 300))}%` }} data-testid="preview-level" />
        </div>
        {failed && (
          <p role="alert" className="text-sm text-red-800">
            {t("deviceError")}
          </p>
        )}
      </div>
      <fieldset className="space-y-3">
        <legend className="sr-only">{t("settings")}</legend>
        <div className="text-sm text-slate-800" data-testid="prejoin-name">
          <p className="font-medium">{t("name")}</p>
          <p className="text-base font-semibold">{nameLatin && nameLatin !== name ? `${name} · ${nameLatin}` : name}</p>
          <p className="text-xs text-slate-600">{t("nameFromRegistration")}</p>
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={saved.audioEnabled} onChange={(e) => saveAudioInputEnabled(e.target.checked)} />
          {t("microphoneOn")}
        </label>
        <label className="block text-sm font-medium text-slate-800">
          {t("microphone")}
          <select className={inputClass} value={saved.audioDeviceId} onChange={(e) => saveAudioInputDeviceId(e.target.value)}>
            <option value="">{t("defaultDevice")}</option>
            {microphones.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || t("deviceN", { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={saved.videoEnabled} onChange={(e) => saveVideoInputEnabled(e.target.checked)} />
          {t("cameraOn")}
        </label>
        <label className="block text-sm font-medium text-slate-800">
          {t("camera")}
          <select className={inputClass} value={saved.videoDeviceId} onChange={(e) => saveVideoInputDeviceId(e.target.value)}>
            <option value="">{t("defaultDevice")}</option>
            {cameras.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>
                {d.label || t("deviceN", { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        {listenFirst && <p className="text-sm text-slate-700">{t("listenFirst")}</p>}
        <button type="submit" className="rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
          {t("join")}
        </button>
      </fieldset>
    </form>
  );
}
