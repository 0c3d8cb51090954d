"use client";
// The controls both players share: the channel ("Listen in", as in the recordings player), sound
// and full screen; and the WebRTC player's live captions. Every control is a native one with its
// name in words.
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { inputClass } from "@/components/ui/field";
import { endonym } from "@/lib/i18n/language-names";
import type { Locale } from "@/lib/i18n/routing";
import type { Channel } from "@/lib/rooms/interpretation";
import type { RoomCaptions } from "@/components/captions/use-captions";
import type { Listening } from "./listening";

export const controlButton =
  "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-50";

export interface ChannelOption {
  channel: Channel;
  /** The channel can be heard now (a live interpreter, or a rendition in the playlist). */
  available: boolean;
  /** May be picked while not available (WebRTC: the floor plays until the interpreter is on air). */
  selectable: boolean;
}

/** A channel's name on the watch page: "Floor", or the language in its own words. */
export function useChannelName(): (c: Channel) => string {
  const t = useTranslations("watch");
  return (c) => (c === "floor" ? t("floor") : endonym(c as Locale));
}

export function ChannelSelect({ options, listening }: { options: ChannelOption[]; listening: Listening }) {
  const t = useTranslations("watch");
  const name = useChannelName();
  return (
    <label className="text-sm font-medium text-slate-800">
      {t("channel")}
      <select value={listening.channel} onChange={(e) => listening.setChannel(e.target.value as Channel)} className={inputClass} data-testid="watch-channel">
        {options.map((o) => (
          <option key={o.channel} value={o.channel} disabled={!o.available && !o.selectable && o.channel !== listening.channel}>
            {o.available ? name(o.channel) : t("channelOff", { channel: name(o.channel) })}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SoundControls({ listening }: { listening: Listening }) {
  const t = useTranslations("watch");
  return (
    <div className="flex items-end gap-2">
      <button type="button" className={controlButton} aria-pressed={listening.muted} onClick={() => listening.setMuted(!listening.muted)} data-testid="watch-mute">
        {listening.muted ? t("unmute") : t("mute")}
      </button>
      <label className="text-sm font-medium text-slate-800">
        {t("volume")}
        <input
          type="range"
          min={0}
          max={100}
          value={Math.round(listening.volume * 100)}
          onChange={(e) => listening.setVolume(Number(e.target.value) / 100)}
          aria-valuetext={`${Math.round(listening.volume * 100)}%`}
          className="mt-1 block w-28 accent-sky-800"
          data-testid="watch-volume"
        />
      </label>
    </div>
  );
}

/** Live captions on or off (shown once a captions worker is in the room). */
export function CaptionsButton({ captions }: { captions: RoomCaptions }) {
  const t = useTranslations("captions.live");
  return (
    <button type="button" className={controlButton} aria-pressed={captions.shown} onClick={() => captions.setShown(!captions.shown)} data-testid="watch-captions">
      {t("button")}
    </button>
  );
}

export function FullscreenButton({ target }: { target: RefObject<HTMLElement | null> }) {
  const t = useTranslations("watch");
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void target.current?.requestFullscreen?.();
  };
  return (
    <button type="button" className={controlButton} onClick={toggle} data-testid="watch-fullscreen">
      {t("fullscreen")}
    </button>
  );
}
