// LiveKit Egress as this app talks to it, shared by recordings and broadcasts: one client, errors
// that become UNAVAILABLE(`egressUnavailable`), a cheap reachability probe, stops that tolerate an
// egress already gone, the layout page Egress's Chrome opens, and where it writes local files.
import "server-only";
import path from "node:path";
import { EgressClient, S3Upload, ServerError, type EgressInfo } from "livekit-server-sdk";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { liveKitConfig } from "@/lib/rooms/livekit";

let client: { key: string; egress: EgressClient } | undefined;

function egressClient(): EgressClient {
  const { apiUrl, apiKey, apiSecret } = liveKitConfig();
  const url = getEnv().LIVEKIT_EGRESS_URL ?? apiUrl;
  const key = `${url} ${apiKey}`;
  if (client?.key !== key) client = { key, egress: new EgressClient(url, apiKey, apiSecret, { requestTimeout: 15 }) };
  return client.egress;
}

/** Runs an Egress call; an unreachable or refusing Egress becomes UNAVAILABLE(`egressUnavailable`). */
export async function callEgress<T>(fn: (egress: EgressClient) => Promise<T>): Promise<T> {
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
 * where starting an egress would wait for one for about 20 s.
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

/** The layout page Egress's Chrome opens (it appends `?url=…&token=…&layout=…` itself). */
export function layoutUrl(locale: Locale, forumId: string, channel?: Locale): string {
  const env = getEnv();
  const base = (env.EGRESS_LAYOUT_BASE_URL ?? env.PUBLIC_BASE_URL).replace(/\/$/, "");
  return `${base}/${locale}/egress/${encodeURIComponent(forumId)}${channel ? `/channel/${channel}` : ""}`;
}

/** A storage key as Egress writes it locally: under RECORDINGS_DIR as Egress sees it (EGRESS_FILE_DIR). */
export function egressLocalPath(key: string): string {
  const env = getEnv();
  return path.join(path.resolve(env.EGRESS_FILE_DIR ?? env.RECORDINGS_DIR), key);
}

/** The upload settings for Egress to write straight into the configured S3 bucket. */
export function egressS3Upload(): S3Upload {
  const env = getEnv();
  return new S3Upload({
    accessKey: env.S3_ACCESS_KEY_ID ?? "",
    secret: env.S3_SECRET_ACCESS_KEY ?? "",
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT ?? "",
    bucket: env.S3_BUCKET ?? "",
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
}
