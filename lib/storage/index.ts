// The storage backends by name: S3 when it is configured, the local folder otherwise. Each stored
// file records its backend, so files stay readable after the configuration changes.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { LocalStorage } from "./local";
import { S3Storage } from "./s3";
import type { Storage, StorageKind } from "./storage";

const holder = globalThis as unknown as { plenaryStorage?: Partial<Record<StorageKind, Storage>> };

function create(kind: StorageKind): Storage | null {
  const env = getEnv();
  if (kind === "local") return new LocalStorage(env.RECORDINGS_DIR);
  if (!env.S3_BUCKET) return null;
  return new S3Storage({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
}

/** The backend new files go to. */
export function getStorage(): Storage {
  return getStorageOf(getEnv().S3_BUCKET ? "s3" : "local");
}

/** The backend that holds a stored file; UNAVAILABLE if it is no longer configured. */
export function getStorageOf(kind: string): Storage {
  if (kind !== "local" && kind !== "s3") throw new AppError("UNAVAILABLE", "storageUnavailable");
  holder.plenaryStorage ??= {};
  const storage = (holder.plenaryStorage[kind] ??= create(kind) ?? undefined);
  if (!storage) throw new AppError("UNAVAILABLE", "storageNotConfigured");
  return storage;
}

export * from "./storage";
