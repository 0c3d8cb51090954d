// The storage interface shared by materials and recordings: objects under keys, written as a
// stream with a byte limit, read whole or as a byte range.
import { Readable, Transform } from "node:stream";

export type StorageKind = "local" | "s3";

export interface PutOptions {
  /** The upload fails with StorageLimitError, leaving nothing behind, past this many bytes. */
  maxBytes: number;
  contentType?: string;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface StoredObject {
  stream: Readable;
  /** Size of the whole object. */
  size: number;
  /** The bytes this read returns (the range's length, or the size). */
  length: number;
}

export interface DownloadUrlOptions {
  contentType: string;
  contentDisposition: string;
  expiresInSeconds?: number;
}

export interface Storage {
  readonly kind: StorageKind;
  put(key: string, body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<{ size: number }>;
  get(key: string, range?: ByteRange): Promise<StoredObject>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The object's size in bytes, null when there is none. */
  size(key: string): Promise<number | null>;
  /** A short-lived URL the browser may fetch directly, when the backend has one (S3). */
  downloadUrl?(key: string, options: DownloadUrlOptions): Promise<string>;
}

export class StorageLimitError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Object larger than ${maxBytes} bytes`);
    this.name = "StorageLimitError";
  }
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object '${key}'`);
    this.name = "StorageNotFoundError";
  }
}

// Keys are relative, slash-separated names of safe characters: no "..", no leading slash, so a
// key can never point outside the local root or another bucket prefix.
const keyPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function assertValidKey(key: string): void {
  if (key.length > 512 || !keyPattern.test(key) || key.split("/").some((part) => part === "." || part === "..")) {
    throw new Error(`Invalid storage key '${key}'`);
  }
}

/** Counts bytes as they pass and fails the stream as soon as there are more than `maxBytes`. */
export function byteLimit(maxBytes: number, counted: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      counted.bytes += chunk.length;
      if (counted.bytes > maxBytes) done(new StorageLimitError(maxBytes));
      else done(null, chunk);
    },
  });
}

/** Checks a range against the object's size; returns the inclusive end. */
export function resolveRange(range: ByteRange | undefined, size: number): { start: number; end: number } {
  if (!range) return { start: 0, end: size - 1 };
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (!Number.isInteger(range.start) || range.start < 0 || range.start > end) throw new RangeError(`Unsatisfiable range ${range.start}-${range.end ?? ""} of ${size}`);
  return { start: range.start, end };
}

export function toReadable(body: AsyncIterable<Uint8Array>): Readable {
  return body instanceof Readable ? body : Readable.from(body, { objectMode: false });
}
