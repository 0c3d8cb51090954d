// Simultaneous interpretation on a forum's stage: which channels are live, what each listener hears,
// and who holds each booth. Pure, over plain descriptions of LiveKit publications and attributes,
// so every client reaches the same answer from the same room state.
import type { StageLanguage } from "./participant";

export type ChannelLanguage = StageLanguage;
export type Channel = "floor" | ChannelLanguage;

export const channelLanguages: readonly ChannelLanguage[] = ["ko", "zh", "en"];
export const channels: readonly Channel[] = ["floor", ...channelLanguages];

/** An interpreter's voice is a microphone track named `interpretation:<lang>`. */
export const INTERPRETATION_TRACK_PREFIX = "interpretation:";

/** How loud the floor stays under a live interpretation channel. */
export const FLOOR_UNDER_INTERPRETATION = 0.15;

export function isChannel(value: unknown): value is Channel {
  return typeof value === "string" && (channels as readonly string[]).includes(value);
}

export function interpretationTrackName(language: ChannelLanguage): string {
  return `${INTERPRETATION_TRACK_PREFIX}${language}`;
}

/** The channel a track carries, or null for floor audio. */
export function channelOfTrack(trackName: string | undefined): ChannelLanguage | null {
  if (!trackName?.startsWith(INTERPRETATION_TRACK_PREFIX)) return null;
  const lang = trackName.slice(INTERPRETATION_TRACK_PREFIX.length);
  return (channelLanguages as readonly string[]).includes(lang) ? (lang as ChannelLanguage) : null;
}

/** A remote audio publication as the rules need it. */
export interface AudioPublication {
  trackSid: string;
  participantIdentity: string;
  trackName: string;
  muted: boolean;
}

export interface ChannelStatus {
  language: ChannelLanguage;
  /** An interpreter's track for it is published and unmuted. */
  live: boolean;
  /** Everyone publishing on it, live or muted. */
  voices: { identity: string; muted: boolean }[];
}

export function channelStatuses(publications: readonly AudioPublication[]): ChannelStatus[] {
  return channelLanguages.map((language) => {
    const voices = publications
      .filter((p) => channelOfTrack(p.trackName) === language)
      .map((p) => ({ identity: p.participantIdentity, muted: p.muted }));
    return { language, live: voices.some((v) => !v.muted), voices };
  });
}

export function liveChannels(publications: readonly AudioPublication[]): ChannelLanguage[] {
  return channelStatuses(publications)
    .filter((s) => s.live)
    .map((s) => s.language);
}

/**
 * What a listener hears: their own choice when they made one, else their registration language's
 * channel while it is live, else the floor. Interpreters listen to the floor until they pick a
 * relay, and never to the channel they interpret into.
 */
export function chosenChannel(
  stored: Channel | null,
  viewer: { role: string | null; language: string | null; booth?: ChannelLanguage | null },
  live: readonly ChannelLanguage[],
): Channel {
  if (viewer.role === "interpreter") return stored && stored !== viewer.booth ? stored : "floor";
  if (stored) return stored;
  const own = viewer.language as ChannelLanguage | null;
  return own && live.includes(own) ? own : "floor";
}

export interface TrackMix {
  subscribed: boolean;
  volume: number;
}

/**
 * The mix for every remote audio track: the chosen channel at full volume with the floor turned
 * down under it, other channels unsubscribed (no bandwidth spent on them). While the chosen channel
 * is silent (between interpreters, or not staffed) the floor plays at full volume.
 */
export function mixPlan(publications: readonly AudioPublication[], chosen: Channel): Map<string, TrackMix> {
  const ducked = chosen !== "floor" && liveChannels(publications).includes(chosen);
  const plan = new Map<string, TrackMix>();
  for (const p of publications) {
    const channel = channelOfTrack(p.trackName);
    if (channel) plan.set(p.trackSid, { subscribed: channel === chosen, volume: 1 });
    // A track merely named like a channel we do not run stays out of the floor too.
    else if (p.trackName.startsWith(INTERPRETATION_TRACK_PREFIX)) plan.set(p.trackSid, { subscribed: false, volume: 0 });
    else plan.set(p.trackSid, { subscribed: true, volume: ducked ? FLOOR_UNDER_INTERPRETATION : 1 });
  }
  return plan;
}

/**
 * An interpreter going live on a channel sets their own attribute `booth.<lang>` to the ISO instant
 * they took over; the latest claim holds the channel and every other voice on it mutes itself.
 * Attributes outlive a missed message and reach late joiners, so everyone agrees on the holder.
 */
export function boothAttribute(language: ChannelLanguage): string {
  return `booth.${language}`;
}

export interface BoothClaim {
  identity: string;
  at: number;
}

export function boothClaims(people: readonly { identity: string; attributes: Readonly<Record<string, string>> }[], language: ChannelLanguage): BoothClaim[] {
  const key = boothAttribute(language);
  return people.flatMap((p) => {
    const at = Date.parse(p.attributes[key] ?? "");
    return Number.isFinite(at) ? [{ identity: p.identity, at }] : [];
  });
}

/** The latest claim; equal instants go to the smaller identity, the same on every client. */
export function boothHolder(claims: readonly BoothClaim[]): BoothClaim | null {
  let holder: BoothClaim | null = null;
  for (const c of claims) {
    if (!holder || c.at > holder.at || (c.at === holder.at && c.identity < holder.identity)) holder = c;
  }
  return holder;
}

/** When a new claim is stamped: now, but strictly after the current holder's, whatever the clocks say. */
export function claimInstant(now: number, claims: readonly BoothClaim[]): number {
  const holder = boothHolder(claims);
  return holder && holder.at >= now ? holder.at + 1 : now;
}

/** A live interpreter hands over (mutes) once someone else holds their channel. */
export function mustYield(self: string, claims: readonly BoothClaim[]): boolean {
  const holder = boothHolder(claims);
  return !!holder && holder.identity !== self;
}

/** Milliseconds since the channel last changed hands, or null when nobody has claimed it. */
export function sinceHandover(claims: readonly BoothClaim[], now: number): number | null {
  const holder = boothHolder(claims);
  return holder ? Math.max(0, now - holder.at) : null;
}

/** `m:ss`, or `h:mm:ss` from an hour on: a duration, so no time zone is involved. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
