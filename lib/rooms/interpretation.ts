// Simultaneous interpretation on a forum's stage: which channels are live, what each listener hears,
// and who holds each booth. Pure, over plain descriptions of LiveKit publications and of the
// attributes only the server writes, so every client (and the server, and the recorder) reaches
// the same answer from the same room state.
import { locales, type Locale } from "@/lib/i18n/routing";

export type Channel = "floor" | Locale;

export const channelLanguages: readonly Locale[] = locales;
export const channels: readonly Channel[] = ["floor", ...channelLanguages];

/** An interpreter's voice is a microphone track named `interpretation:<lang>`. */
export const INTERPRETATION_TRACK_PREFIX = "interpretation:";

/** How loud the floor stays under a live interpretation channel. */
export const FLOOR_UNDER_INTERPRETATION = 0.15;

export function isChannel(value: unknown): value is Channel {
  return typeof value === "string" && (channels as readonly string[]).includes(value);
}

export function interpretationTrackName(language: Locale): string {
  return `${INTERPRETATION_TRACK_PREFIX}${language}`;
}

/** The channel a track is named for, or null; whether it counts as that channel is audioKind's question. */
export function channelOfTrack(trackName: string | undefined): Locale | null {
  if (!trackName?.startsWith(INTERPRETATION_TRACK_PREFIX)) return null;
  const lang = trackName.slice(INTERPRETATION_TRACK_PREFIX.length);
  return (channelLanguages as readonly string[]).includes(lang) ? (lang as Locale) : null;
}

/** A remote audio publication as the rules need it. */
export interface AudioPublication {
  trackSid: string;
  participantIdentity: string;
  trackName: string;
  muted: boolean;
}

/** A participant as every client sees them: identity and the attributes only the server writes. */
export interface RoomPerson {
  identity: string;
  attributes: Readonly<Record<string, string>>;
}

/**
 * The interpreter on duty in each booth is the one with the latest claim `booth.<lang>`: an
 * instant the server stamps when it puts them on the channel (see lib/rooms/requests.ts). Tokens
 * grant no participant the right to write their own attributes, so a claim is the server's word.
 */
export function boothAttribute(language: Locale): string {
  return `booth.${language}`;
}

export interface BoothClaim {
  identity: string;
  at: number;
}

/** The claims on `language` of the interpreters present (anyone else's would not be the server's). */
export function boothClaims(people: readonly RoomPerson[], language: Locale): BoothClaim[] {
  const key = boothAttribute(language);
  return people.flatMap((p) => {
    if (p.attributes.role !== "interpreter") return [];
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

/** Who is on duty in each booth: the holder of its latest claim. */
export function boothHolders(people: readonly RoomPerson[]): Map<Locale, string> {
  const holders = new Map<Locale, string>();
  for (const language of channelLanguages) {
    const holder = boothHolder(boothClaims(people, language));
    if (holder) holders.set(language, holder.identity);
  }
  return holders;
}

export type AudioKind = { kind: "floor" } | { kind: "channel"; language: Locale } | { kind: "ignored" };

/**
 * What a remote audio track is to a listener. A track counts for a channel only when it is named
 * for it and comes from the interpreter the server put on duty there; any other track named like
 * a channel, and anything else an interpreter publishes, is ignored: interpreters never speak on
 * the floor, and nobody else can make a channel live by naming a track.
 */
export function audioKind(pub: AudioPublication, holders: ReadonlyMap<Locale, string>, interpreters: ReadonlySet<string>): AudioKind {
  const channel = channelOfTrack(pub.trackName);
  if (channel && holders.get(channel) === pub.participantIdentity) return { kind: "channel", language: channel };
  if (pub.trackName.startsWith(INTERPRETATION_TRACK_PREFIX) || interpreters.has(pub.participantIdentity)) return { kind: "ignored" };
  return { kind: "floor" };
}

/** Every publication's kind, by track sid. */
export function classifyAudio(publications: readonly AudioPublication[], people: readonly RoomPerson[]): Map<string, AudioKind> {
  const holders = boothHolders(people);
  const interpreters = new Set(people.filter((p) => p.attributes.role === "interpreter").map((p) => p.identity));
  return new Map(publications.map((p) => [p.trackSid, audioKind(p, holders, interpreters)]));
}

export interface ChannelStatus {
  language: Locale;
  /** The interpreter on duty publishes the channel's track, unmuted. */
  live: boolean;
  /** The booth: everyone with a claim on the channel, the one on duty first; `muted` when they
   * are not on air (muted, or no track published). */
  voices: { identity: string; muted: boolean; onDuty: boolean }[];
}

export function channelStatuses(publications: readonly AudioPublication[], people: readonly RoomPerson[]): ChannelStatus[] {
  const kinds = classifyAudio(publications, people);
  return channelLanguages.map((language) => {
    const claims = boothClaims(people, language);
    const holder = boothHolder(claims)?.identity;
    const onAir = (identity: string) => publications.some((p) => p.participantIdentity === identity && channelOfTrack(p.trackName) === language && !p.muted);
    const voices = [...claims]
      .sort((a, b) => Number(b.identity === holder) - Number(a.identity === holder) || b.at - a.at)
      .map((c) => ({ identity: c.identity, muted: !onAir(c.identity), onDuty: c.identity === holder }));
    const live = publications.some((p) => !p.muted && kinds.get(p.trackSid)?.kind === "channel" && channelOfTrack(p.trackName) === language);
    return { language, live, voices };
  });
}

export function liveChannels(publications: readonly AudioPublication[], people: readonly RoomPerson[]): Locale[] {
  return channelStatuses(publications, people)
    .filter((s) => s.live)
    .map((s) => s.language);
}

/**
 * What a listener hears: their own choice when they made one, else their registration language's
 * channel while it is live, else the floor. Interpreters listen to the floor until they pick a
 * relay, and never to the channel they interpret into.
 */
export function chosenChannel(stored: Channel | null, viewer: { role: string | null; language: string | null; booth?: Locale | null }, live: readonly Locale[]): Channel {
  if (viewer.role === "interpreter") return stored && stored !== viewer.booth ? stored : "floor";
  if (stored) return stored;
  const own = viewer.language as Locale | null;
  return own && live.includes(own) ? own : "floor";
}

export interface TrackMix {
  subscribed: boolean;
  volume: number;
}

/**
 * The mix for every remote audio track: the chosen channel at full volume with the floor turned
 * down under it, other channels unsubscribed (no bandwidth spent on them), ignored tracks never
 * played. While the chosen channel is silent (between interpreters, or not staffed) the floor
 * plays at full volume.
 */
export function mixPlan(publications: readonly AudioPublication[], people: readonly RoomPerson[], chosen: Channel): Map<string, TrackMix> {
  const kinds = classifyAudio(publications, people);
  const ducked = chosen !== "floor" && liveChannels(publications, people).includes(chosen);
  const plan = new Map<string, TrackMix>();
  for (const p of publications) {
    const kind = kinds.get(p.trackSid)!;
    if (kind.kind === "channel") plan.set(p.trackSid, { subscribed: kind.language === chosen, volume: 1 });
    else if (kind.kind === "ignored") plan.set(p.trackSid, { subscribed: false, volume: 0 });
    else plan.set(p.trackSid, { subscribed: true, volume: ducked ? FLOOR_UNDER_INTERPRETATION : 1 });
  }
  return plan;
}

/** When the server stamps a new claim: now, but strictly after the current holder's, whatever the clocks say. */
export function claimInstant(now: number, claims: readonly BoothClaim[]): number {
  const holder = boothHolder(claims);
  return holder && holder.at >= now ? holder.at + 1 : now;
}

/** A live interpreter hands over (mutes) once someone else holds their channel. */
export function mustYield(self: string, claims: readonly BoothClaim[]): boolean {
  const holder = boothHolder(claims);
  return !!holder && holder.identity !== self;
}

/** Milliseconds since the channel last changed hands, on the server's clock (`now` must be the
 * server's time as the viewer estimates it), or null when nobody has claimed it. */
export function sinceHandover(claims: readonly BoothClaim[], now: number): number | null {
  const holder = boothHolder(claims);
  return holder ? Math.max(0, now - holder.at) : null;
}

/**
 * What the server makes of a track a participant published, from what it alone wrote about them
 * (role and booth claims): an `interpretation:<lang>` track is allowed only from an interpreter
 * with a claim on that channel, and an interpreter publishes nothing else. Anything refused is
 * muted by the server (and ignored by every client anyway).
 */
export function trackAllowed(trackName: string, publisher: Readonly<Record<string, string>>): boolean {
  const interpreter = publisher.role === "interpreter";
  if (!trackName.startsWith(INTERPRETATION_TRACK_PREFIX)) return !interpreter;
  const channel = channelOfTrack(trackName);
  return interpreter && !!channel && Number.isFinite(Date.parse(publisher[boothAttribute(channel)] ?? ""));
}

/** `m:ss`, or `h:mm:ss` from an hour on: a duration, so no time zone is involved. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
