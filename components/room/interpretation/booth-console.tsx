"use client";
// The interpreter's console: the channel they interpret into, their live/muted state, going live
// (a handover when a partner holds the channel) with the time since the last handover, what they
// hear (the floor, or another channel for relay), and the booth chat.
import { useTranslations } from "next-intl";
import { channelLanguages, formatElapsed, sinceHandover, boothClaims } from "@/lib/rooms/interpretation";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/routing";
import { useNow } from "../use-now";
import { BoothChat } from "./booth-chat";
import { ChannelPicker } from "./channel-picker";
import { useBooth } from "./use-booth";
import type { InterpretationSnapshot } from "./use-interpretation-room";
import { useBoothLanguage, useListening } from "./use-listening";

export function BoothConsole({ room }: { room: InterpretationSnapshot }) {
  const t = useTranslations("interpretation");
  // What the server answers a booth request with is said in the room's words for it.
  const errors = useTranslations("room.moderation.errors");
  const now = useNow();
  const [language, setLanguage] = useBoothLanguage(room);
  const listening = useListening(room);
  const booth = useBooth(room, language);
  const name = (identity: string) => room.people.find((p) => p.identity === identity)?.name ?? identity;
  const partnerHolds = !!booth.holder && booth.holder.identity !== booth.self;
  const elapsed = sinceHandover(boothClaims(room.people, language), now);
  const state = booth.live ? "live" : booth.published ? "muted" : "off";

  const changeLanguage = async (next: Locale) => {
    await booth.leaveChannel();
    setLanguage(next);
    // The ears cannot stay on the channel one now speaks into.
    if (listening.channel === next) listening.choose("floor");
  };

  return (
    <section aria-labelledby="booth-title" className="space-y-3" data-testid="booth-console" data-state={state}>
      <h3 id="booth-title" className="text-sm font-semibold">
        {t("booth.title")}
      </h3>
      <label className="block text-sm font-medium">
        {t("booth.language")}
        <select className={inputClass} value={language} disabled={booth.live || booth.pending} onChange={(e) => void changeLanguage(e.target.value as Locale)} data-testid="booth-language">
          {channelLanguages.map((l) => (
            <option key={l} value={l}>
              {t(`channels.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <p role="status" className={`rounded border p-2 text-sm font-semibold ${booth.live ? "border-red-700 bg-red-50 text-red-900" : "border-slate-300 bg-slate-50"}`} data-testid="booth-state">
        {t(`booth.state.${state}`, { channel: t(`channels.${language}`) })}
      </p>
      <p className="text-sm text-slate-700" data-testid="booth-holder">
        {booth.holder && elapsed !== null
          ? t("booth.since", { name: booth.holder.identity === booth.self ? t("booth.you") : name(booth.holder.identity), elapsed: formatElapsed(elapsed) })
          : t("booth.noHolder")}
      </p>
      <div className="flex flex-wrap gap-2">
        {booth.live ? (
          <button
            type="button"
            disabled={booth.pending}
            onClick={() => void booth.mute()}
            className="rounded bg-slate-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-60"
            data-testid="booth-mute"
          >
            {t("booth.mute")}
          </button>
        ) : (
          <button
            type="button"
            disabled={booth.pending}
            onClick={() => void booth.goLive()}
            className="rounded bg-red-800 px-3 py-2 text-sm font-medium text-white disabled:opacity-60"
            data-testid="booth-go-live"
          >
            {partnerHolds ? t("booth.takeOver", { name: name(booth.holder!.identity) }) : t("booth.goLive")}
          </button>
        )}
      </div>
      {booth.failed && (
        <p role="alert" className="text-sm text-red-800" data-testid="booth-error">
          {errors.has(booth.failed) ? errors(booth.failed) : t("booth.failed")}
        </p>
      )}
      <ChannelPicker legend={t("booth.ears")} value={listening.channel} live={listening.live} onChange={listening.choose} unavailable={language} />
      <BoothChat people={room.people} />
    </section>
  );
}
