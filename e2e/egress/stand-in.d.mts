// Types of stand-in.mjs for the TypeScript tests that start the Egress stand-in or make test media.
// What it writes (files, HLS segments and playlists, RTMP streams) is described in REAL-EGRESS.md.
import type { ClaimGrants } from "livekit-server-sdk";

export type Outcome = "complete" | "fail" | "silent";

export interface EgressStandInOptions {
  apiKey: string;
  apiSecret: string;
  /** Every webhook goes to each of these, in order per egress, retried as LiveKit retries. */
  webhookUrls: string[];
  /** Requests, webhook deliveries and egress lives, one line each. */
  logFile?: string;
  /** The ffmpeg binary (default: FFMPEG_BIN, else `ffmpeg` on PATH). */
  ffmpeg?: string;
  /** A LiveKit server's HTTP URL: starts then need the room to exist there, as with the real server. */
  liveKitUrl?: string;
  /** Where relative file outputs go (real Egress: its working directory, `/`). */
  fileRoot?: string;
  /** Retry policy of webhook deliveries (default LiveKit's: 4 retries, 1 s doubling up to 30 s). */
  webhookRetry?: { retries?: number; minDelayMs?: number; maxDelayMs?: number; maxAgeMs?: number; timeoutMs?: number };
  /** Delay from start to EGRESS_ACTIVE (default 300 ms). */
  activeAfterMs?: number;
  /** Delay from start to EGRESS_FAILED under the "fail" outcome (default 300 ms). */
  failAfterMs?: number;
  /**
   * Segments kept in a segmented output's live playlist (`livePlaylistName`). Default 5, as
   * Egress's `defaultLivePlaylistWindow`, which a request cannot change; the full playlist keeps all.
   */
  livePlaylistWindow?: number;
}

export interface RecordedRequest {
  at: string;
  /** The Twirp method, e.g. "StartRoomCompositeEgress". */
  method: string;
  /** The request message as protobuf JSON (camelCase), null when it could not be read. */
  request: Record<string, unknown> | null;
  /** The verified JWT claims, null without a token or with one that failed verification. */
  claims: ClaimGrants | null;
  /** The HTTP status answered. */
  status: number;
}

export interface WebhookDelivery {
  at: string;
  url: string;
  event: string;
  /** The event id, the same for every URL and attempt of one event. */
  id: string;
  egressId: string;
  /** The egress status in the event, e.g. "EGRESS_ACTIVE". */
  status: string;
  httpStatus: number | null;
  attempt: number;
  error?: string;
}

export interface EgressStandIn {
  /** http://127.0.0.1:<port>, for EgressClient and `/_standin/*`. */
  url: string;
  apiKey: string;
  apiSecret: string;
  requests: RecordedRequest[];
  webhooks: WebhookDelivery[];
  /** The next egress started (in `roomName` only, when given) completes, fails shortly after its start, or stays silent. */
  setNextOutcome(outcome: Outcome, roomName?: string): void;
  /** Resolves when every queued webhook has been delivered or given up. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function startEgressStandIn(opts: EgressStandInOptions): Promise<EgressStandIn>;
export function startEgressStandInForTests(opts: Omit<EgressStandInOptions, "ffmpeg">): Promise<(EgressStandIn & { version: string }) | { skipped: string }>;
export function findFfmpeg(env?: NodeJS.ProcessEnv): string | null;
export function makeTestVideo(opts: { file: string; seconds: number; audioOnly?: boolean; frequency?: number; ffmpeg?: string }): Promise<{ file: string; seconds: number; size: number }>;
