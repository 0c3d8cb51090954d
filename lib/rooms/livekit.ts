// The LiveKit server as this app sees it: where browsers connect, where we call its API, and how
// its failures map onto AppError.
import "server-only";
import { RoomServiceClient, ServerError, TrackSource } from "livekit-server-sdk";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { StageGrant, TrackSourceName } from "./grants";

export function liveKitConfig() {
  const env = getEnv();
  // Twirp speaks HTTP on the same port browsers open their WebSocket on.
  const apiUrl = env.LIVEKIT_API_URL ?? env.LIVEKIT_URL.replace(/^ws(s?):\/\//, "http$1://");
  return { serverUrl: env.LIVEKIT_URL, apiUrl, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
}

let client: { key: string; service: RoomServiceClient } | undefined;

export function roomService(): RoomServiceClient {
  const { apiUrl, apiKey, apiSecret } = liveKitConfig();
  const key = `${apiUrl} ${apiKey}`;
  if (client?.key !== key) client = { key, service: new RoomServiceClient(apiUrl, apiKey, apiSecret, { requestTimeout: 10 }) };
  return client.service;
}

const sources: Record<TrackSourceName, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

export function toTrackSources(names: readonly TrackSourceName[]): TrackSource[] {
  return names.map((n) => sources[n]);
}

export function fromTrackSources(list: readonly TrackSource[]): TrackSourceName[] {
  const names = Object.entries(sources) as [TrackSourceName, TrackSource][];
  return list.flatMap((source) => names.filter(([, s]) => s === source).map(([n]) => n));
}

/**
 * A participant's whole permission for a role's grant, as RoomService takes it (it replaces the
 * permission atomically, so every right is stated). No sources listed means every source.
 */
export function toPermission(grant: StageGrant) {
  return {
    canSubscribe: grant.canSubscribe,
    canPublish: grant.canPublish,
    canPublishData: grant.canPublishData,
    canPublishSources: toTrackSources(grant.canPublishSources ?? []),
    canUpdateMetadata: false,
  };
}

/** Runs a RoomService call: "not found" becomes NOT_FOUND(notFoundKey), an unreachable server UNAVAILABLE. */
export async function callLiveKit<T>(fn: (svc: RoomServiceClient) => Promise<T>, notFoundKey = "participantNotFound"): Promise<T> {
  try {
    return await fn(roomService());
  } catch (err) {
    if (err instanceof ServerError) {
      if (err.status === 404 || err.code === "not_found") throw new AppError("NOT_FOUND", notFoundKey);
      if (err.status === 401 || err.status === 403) throw new AppError("UNAVAILABLE", "liveKitRejectedCredentials");
    }
    if (err instanceof AppError) throw err;
    console.error("LiveKit call failed", err);
    throw new AppError("UNAVAILABLE", "liveKitUnavailable");
  }
}

/** Whether the LiveKit server answers its API within `timeoutMs` (for /api/health and the console). */
export async function liveKitReachable(timeoutMs = 3000): Promise<boolean> {
  const probe = roomService()
    .listRooms(["plenary-health-probe"])
    .then(
      () => true,
      () => false,
    );
  return Promise.race([probe, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))]);
}
