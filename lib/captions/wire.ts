// Captions on the wire: LiveKit's transcription text streams (topic `lk.transcription`, the
// attributes LiveKit's Agents and components read) plus Plenary's own — which channel a caption
// belongs to, who spoke it and when. Pure: the worker writes these, every client reads them.
//
// Trust: any participant can send a text stream on this topic with these attributes. The worker
// sends captions as itself, not on the speaker's behalf, so LiveKit stamps each stream with the
// worker's identity (the server asserts the sender of everyone but agents), and a client takes a
// caption only from a participant LiveKit reports as an agent — a kind only a token minted with
// the API secret carries, and the app's token route never mints it (captionFromAgent).
import { channels, type Channel } from "@/lib/rooms/interpretation";

export const TRANSCRIPTION_TOPIC = "lk.transcription";

/** LiveKit's transcription attributes (@livekit/agents constants). */
export const SEGMENT_ID = "lk.segment_id";
export const FINAL = "lk.transcription_final";
export const TRACK_ID = "lk.transcribed_track_id";
/** Plenary's: "floor" or the interpretation channel's language; the transcribed language; ISO instants. */
export const CHANNEL = "plenary.caption.channel";
export const SPEAKER = "plenary.caption.speaker";
export const LANGUAGE = "plenary.caption.language";
export const STARTS_AT = "plenary.caption.starts_at";
export const ENDS_AT = "plenary.caption.ends_at";

export interface CaptionFacts {
  segmentId: string;
  final: boolean;
  trackSid: string;
  channel: Channel;
  /** The identity of the track's publisher. */
  speaker: string;
  language: string;
  startsAt: Date;
  endsAt: Date;
}

export function captionAttributes(c: CaptionFacts): Record<string, string> {
  return {
    [SEGMENT_ID]: c.segmentId,
    [FINAL]: String(c.final),
    [TRACK_ID]: c.trackSid,
    [CHANNEL]: c.channel,
    [SPEAKER]: c.speaker,
    [LANGUAGE]: c.language,
    [STARTS_AT]: c.startsAt.toISOString(),
    [ENDS_AT]: c.endsAt.toISOString(),
  };
}

/** A caption as a client reads it from a text stream's attributes; null for anything malformed. */
export function readCaption(attributes: Readonly<Record<string, string>> | undefined, text: string): (CaptionFacts & { text: string }) | null {
  if (!attributes) return null;
  const channel = attributes[CHANNEL];
  const startsAt = new Date(attributes[STARTS_AT] ?? "");
  const endsAt = new Date(attributes[ENDS_AT] ?? "");
  if (!(channels as readonly string[]).includes(channel) || !attributes[SEGMENT_ID] || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) return null;
  return {
    segmentId: attributes[SEGMENT_ID],
    final: attributes[FINAL] === "true",
    trackSid: attributes[TRACK_ID] ?? "",
    channel: channel as Channel,
    speaker: attributes[SPEAKER] ?? "",
    language: attributes[LANGUAGE] ?? "",
    startsAt,
    endsAt,
    text,
  };
}

/** ParticipantInfo.Kind AGENT: 4 in LiveKit's protocol and in both SDKs' enums. */
export const AGENT_KIND = 4;

/** Whether a caption's sender may be believed: LiveKit says it is an agent. */
export function captionFromAgent(senderKind: number | undefined): boolean {
  return senderKind === AGENT_KIND;
}
