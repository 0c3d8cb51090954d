"use client";
// Who may watch a forum's broadcast and how: the WebRTC player (sub-second), HLS (any size,
// low bandwidth), everyone or the event's registered people, and the backstage for speakers.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { setBroadcastSettingsAction } from "@/lib/broadcast/actions";
import type { BroadcastSettings } from "@/lib/broadcast/types";

export function BroadcastSettingsForm({ forumId, settings, onSaved }: { forumId: string; settings: BroadcastSettings; onSaved: () => void }) {
  const t = useTranslations("broadcast");
  // The draft starts from the saved settings; the box remounts the form (key) when they change.
  const [draft, setDraft] = useState(settings);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const changed = (Object.keys(draft) as (keyof BroadcastSettings)[]).some((k) => draft[k] !== settings[k]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await setBroadcastSettingsAction(forumId, draft);
    setBusy(false);
    if (result.ok) {
      setMessage({ ok: true, text: t("settings.saved") });
      onSaved();
    } else setMessage({ ok: false, text: t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.invalidInput") });
  };

  const box = (key: "webrtc" | "hls" | "backstage") => (
    <label className="flex items-start gap-2">
      <input type="checkbox" className="mt-1" checked={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} data-testid={`broadcast-setting-${key}`} />
      <span>
        <span className="font-medium">{t(`settings.${key}`)}</span>
        <span className="block text-sm text-slate-700">{t(`settings.${key}Hint`)}</span>
      </span>
    </label>
  );

  return (
    <form onSubmit={save} className="space-y-3" aria-labelledby={`${id}-heading`} data-testid="broadcast-settings">
      <h3 id={`${id}-heading`} className="font-semibold">
        {t("settings.heading")}
      </h3>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">{t("settings.players")}</legend>
        {box("webrtc")}
        {box("hls")}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold text-slate-800">{t("settings.audience")}</legend>
        {(["registered", "public"] as const).map((a) => (
          <label key={a} className="flex items-start gap-2">
            <input type="radio" name={`${id}-audience`} className="mt-1" checked={draft.audience === a} onChange={() => setDraft({ ...draft, audience: a })} data-testid={`broadcast-audience-${a}`} />
            <span>
              <span className="font-medium">{t(`settings.audience_${a}`)}</span>
              <span className="block text-sm text-slate-700">{t(`settings.audience_${a}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {box("backstage")}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy || !changed} className="rounded border border-slate-400 px-3 py-1.5 font-semibold disabled:opacity-60" data-testid="broadcast-settings-save">
          {t("settings.save")}
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-900"}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
