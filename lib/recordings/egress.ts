// LiveKit Egress as this app uses it: a room-composite MP4 of a forum's stage (speaker layout,
// drawn by this app's layout page) and an audio-only composite per interpretation channel, written
// to the storage new files go to. Egress writes the file itself: into RECORDINGS_DIR (a volume it
// shares with the app, EGRESS_FILE_DIR on its side) or straight to the S3 bucket.
import "server-only";
import path from "node:path";
import { EgressClient, EncodedFileOutput, EncodedFileType, EncodingOptionsPreset, S3Upload, ServerError, type EgressInfo } from "livekit-server-sdk";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { liveKitConfig } from "@/lib/rooms/livekit";
import { getStorage, type StorageKind } from "@/lib/storage";

let client: { key: string; egress: EgressClient } | undefined;

function egressClient(): EgressClient {
  const { apiUrl, apiKey, apiSecret } = liveKitConfig();
  const url = getEnv().LIVEKIT_EGRESS_URL ?? apiUrl;
  const key = `${url} ${apiKey}`;
  if (client?.key !== key) client = { key, egress: new EgressClient(url, apiKey, apiSecret, { requestTimeout: 15 }) };
  return client.egress;
}

/** Runs an Egress call; an unreachable or refusing Egress becomes UNAVAILABLE(`egressUnavailable`). */
async function callEgress<T>(fn: (egress: EgressClient) => Promise<T>): Promise<T> {
  try {
    return await fn(egressClient());
  } catch (err) {
    console.error("LiveKit Egress call failed", err);
    throw new AppError("UNAVAILABLE", "egressUnavailable");
  }
}

/**
 * Whether Egress answers at all, asked cheaply (a list for a room that never exists) and within
 * `timeoutMs`: a LiveKit server with no Egress behind it answers at once that none is connected,
 * where starting a recording would wait for one for about 20 s.
 */
export async function egressReachable(timeoutMs = 3000): Promise<boolean> {
  const probe = egressClient()
    .listEgress({ roomName: "plenary-health-probe" })
    .then(
      () => true,
      () => false,
    );
  return Promise.race([probe, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs))]);
}

/** The storage new recordings go to; each row records it before Egress is asked to write there. */
export function recordingStorage(): StorageKind {
  return getStorage().kind;
}

/** Where Egress writes an object of `storage`: the same key in the bucket, or the key's path under
 * RECORDINGS_DIR as Egress sees it. */
function fileOutput(key: string, storage: StorageKind): EncodedFileOutput {
  const env = getEnv();
  if (storage === "s3") {
    const s3 = new S3Upload({
      accessKey: env.S3_ACCESS_KEY_ID ?? "",
      secret: env.S3_SECRET_ACCESS_KEY ?? "",
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT ?? "",
      bucket: env.S3_BUCKET ?? "",
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
    return new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: key, disableManifest: true, output: { case: "s3", value: s3 } });
  }
  const root = path.resolve(env.EGRESS_FILE_DIR ?? env.RECORDINGS_DIR);
  return new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: path.join(root, key), disableManifest: true });
}

/** The layout page Egress's Chrome opens (it appends `?url=…&token=…&layout=…` itself). */
export function layoutUrl(locale: Locale, forumId: string, channel?: Locale): string {
  const env = getEnv();
  const base = (env.EGRESS_LAYOUT_BASE_URL ?? env.PUBLIC_BASE_URL).replace(/\/$/, "");
  return `${base}/${locale}/egress/${encodeURIComponent(forumId)}${channel ? `/channel/${channel}` : ""}`;
}

/** Records the room's stage: the speaker layout with video, floor audio, H.264 720p MP4. Returns the egress id. */
export async function startStageEgress(roomName: string, key: string, storage: StorageKind, locale: Locale, forumId: string): Promise<string> {
  const file = fileOutput(key, storage);
  const info = await callEgress((e) =>
    e.startRoomCompositeEgress(roomName, { file }, { layout: "speaker", customBaseUrl: layoutUrl(locale, forumId), encodingOptions: EncodingOptionsPreset.H264_720P_30 }),
  );
  return info.egressId;
}

/** Records one interpretation channel: audio only, from the layout page that plays only that
 * channel's `interpretation:<lang>` tracks (so a handover between interpreters stays one file). */
export async function startChannelEgress(roomName: string, key: string, storage: StorageKind, locale: Locale, forumId: string, channel: Locale): Promise<string> {
  const file = fileOutput(key, storage);
  const info = await callEgress((e) => e.startRoomCompositeEgress(roomName, { file }, { audioOnly: true, customBaseUrl: layoutUrl(locale, forumId, channel) }));
  return info.egressId;
}

/** Stops an egress; one that already ended or that Egress no longer knows is not an error. */
export async function stopEgress(egressId: string): Promise<EgressInfo | null> {
  try {
    return await egressClient().stopEgress(egressId);
  } catch (err) {
    if (err instanceof ServerError && (err.status === 404 || err.code === "not_found" || err.code === "failed_precondition" || err.status === 412)) return null;
    console.error(`LiveKit Egress could not stop ${egressId}`, err);
    throw new AppError("UNAVAILABLE", "egressUnavailable");
  }
}
