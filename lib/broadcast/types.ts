// What the watch page and the organizer's broadcast console are given (server → client leaves).
import type { Locale } from "@/lib/i18n/routing";

/** Every audience token's identity starts so: never an account id (attendance and the room's rules leave it alone). */
export const AUDIENCE_IDENTITY_PREFIX = "audience:";

export type BroadcastAudience = "public" | "registered";
export type BroadcastStatus = "starting" | "live" | "stopping" | "ended" | "failed";
export type BroadcastOutputStatus = "starting" | "active" | "ending" | "complete" | "failed";

/** A forum's broadcast settings, as organizers set them. */
export interface BroadcastSettings {
  webrtc: boolean;
  hls: boolean;
  audience: BroadcastAudience;
  backstage: boolean;
}

/** Why a viewer may not watch (yet): each has a sentence in the `watch` messages. */
export type WatchRefusal = "signIn" | "notRegistered" | "notApproved" | "offAir";

/** Everything the watch page needs, decided on the server for this viewer. */
export interface WatchView {
  eventSlug: string;
  forumId: string;
  forumSlug: string;
  /** The forum's title in the page's language. */
  title: string;
  /** The event's languages: the interpretation channels a viewer may pick (besides the floor). */
  channels: Locale[];
  settings: BroadcastSettings;
  /** The open broadcast, if any (`live` once Egress reported the stage's first frame). */
  broadcast: { id: string; status: BroadcastStatus; startedAt: string | null } | null;
  /** Null when the viewer may watch; else why not. */
  refusal: WatchRefusal | null;
  /** The HLS master playlist (with its access token for a registered-only forum); null when HLS is off or nothing is on air. */
  hlsUrl: string | null;
  /** Whether the WebRTC player is offered (then POST `/api/forums/{forumId}/broadcast/token`). */
  webrtc: boolean;
  /** The session on stage now (or next), for Q&A, polls and the pinned question. */
  sessionId: string | null;
  /** The viewer may ask questions and vote (signed in with an approved registration, or an organizer). */
  canTakePart: boolean;
}

/** `POST /api/forums/{forumId}/broadcast/token` → a hidden, subscribe-only token for the forum's stage. */
export interface AudienceToken {
  serverUrl: string;
  roomName: string;
  participantToken: string;
}
