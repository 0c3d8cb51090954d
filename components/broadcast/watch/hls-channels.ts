// The HLS master playlist's audio renditions as listening channels: the floor is the variant's own
// audio (DEFAULT=YES, no URI, or anything without one of the event's languages), each
// interpretation channel the rendition with its LANGUAGE. Read from hls.js's `audioTracks`
// (or Safari's AudioTrackList), which keep the playlist's order.
import { locales, type Locale } from "@/lib/i18n/routing";
import type { Channel } from "@/lib/rooms/interpretation";

export interface AudioRendition {
  lang?: string;
  default?: boolean;
}

/** `ko-KR` and `KO` are Korean; anything not one of the three languages is no channel. */
export function renditionLanguage(lang: string | undefined): Locale | null {
  const base = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return (locales as readonly string[]).includes(base ?? "") ? (base as Locale) : null;
}

/** Each channel's index in `renditions`: the first rendition of each language, and the floor. */
export function channelRenditions(renditions: readonly AudioRendition[]): Map<Channel, number> {
  const map = new Map<Channel, number>();
  const floor = renditions.findIndex((r) => r.default) >= 0 ? renditions.findIndex((r) => r.default) : renditions.findIndex((r) => renditionLanguage(r.lang) === null);
  if (floor >= 0) map.set("floor", floor);
  renditions.forEach((r, i) => {
    const language = renditionLanguage(r.lang);
    if (language && i !== floor && !map.has(language)) map.set(language, i);
  });
  return map;
}

/** The channel a rendition index plays, or null for one that is no channel of ours. */
export function channelOfRendition(map: ReadonlyMap<Channel, number>, index: number): Channel | null {
  for (const [channel, i] of map) if (i === index) return channel;
  return null;
}
