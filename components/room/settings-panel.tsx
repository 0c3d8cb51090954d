"use client";
// Settings while in the room: the microphone, camera and speaker in use (switched at once, the
// published track follows), live captions, the organizers' chime for raised hands, and the keyboard shortcuts.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { useRoomInfo } from "./room-info";
import { SHORTCUTS, shortcutLabel, type ShortcutAction } from "./shortcuts";
import type { Alerts } from "./use-alerts";
import { useDeviceSelect } from "./use-device-select";
import { CaptionsSettings } from "./captions/captions-settings";
import type { RoomCaptions } from "@/components/captions/use-captions";

function DeviceSelect({ kind, label }: { kind: MediaDeviceKind; label: string }) {
  const t = useTranslations("room.settings");
  const [failed, setFailed] = useState(false);
  const { devices, active, choose } = useDeviceSelect(kind);
  if (devices.length === 0) return null;
  return (
    <label className="block text-sm font-medium">
      {label}
      <select className={inputClass} value={active} onChange={(e) => void choose(e.target.value).then((ok) => setFailed(!ok))} data-testid={`device-${kind}`}>
        {devices.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || t("deviceN", { n: i + 1 })}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="mt-1 block text-sm font-normal text-red-800">
          {t("deviceFailed")}
        </span>
      )}
    </label>
  );
}

const shortcutOrder: ShortcutAction[] = ["mic", "camera", "share", "hand", "chat", "people", "language", "layout", "fullscreen"];

export function SettingsPanel({ sound, captions }: { sound: Alerts["sound"]; captions: RoomCaptions }) {
  const t = useTranslations("room.settings");
  const { viewer } = useRoomInfo();
  return (
    <div className="space-y-4">
      <section aria-labelledby="devices-title" className="space-y-2">
        <h3 id="devices-title" className="font-semibold">
          {t("devices")}
        </h3>
        <DeviceSelect kind="audioinput" label={t("microphone")} />
        {viewer.role !== "interpreter" && viewer.role !== "observer" && <DeviceSelect kind="videoinput" label={t("camera")} />}
        <DeviceSelect kind="audiooutput" label={t("speaker")} />
      </section>
      <CaptionsSettings captions={captions} />
      {viewer.isOrganizer && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={sound.on} onChange={(e) => sound.set(e.target.checked)} data-testid="hand-sound" />
          {t("handSound")}
        </label>
      )}
      <section aria-labelledby="shortcuts-title" className="space-y-1">
        <h3 id="shortcuts-title" className="font-semibold">
          {t("shortcuts")}
        </h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="shortcuts">
          {shortcutOrder.map((a) => (
            <div key={a} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{shortcutLabel(SHORTCUTS[a])}</kbd>
              </dt>
              <dd>{t(`shortcut.${a}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
