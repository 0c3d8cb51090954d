// Storage in an S3-compatible bucket (AWS S3, MinIO, R2, …). Uploads go through lib-storage's
// multipart Upload, so an object of unknown length streams in parts without being buffered whole.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { Readable } from "node:stream";
import {
  assertValidKey,
  byteLimit,
  resolveRange,
  StorageLimitError,
  StorageNotFoundError,
  toReadable,
  type ByteRange,
  type DownloadUrlOptions,
  type PutOptions,
  type Storage,
  type StoredObject,
} from "./storage";

export interface S3Config {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

function isMissing(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata.httpStatusCode === 404);
}

export class S3Storage implements Storage {
  readonly kind = "s3" as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // Checksums only where S3 demands them: many S3-compatible servers reject the SDK's default
      // aws-chunked trailing checksums.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<{ size: number }> {
    assertValidKey(key);
    const counted = { bytes: 0 };
    const source = toReadable(body);
    const limited = source.pipe(byteLimit(options.maxBytes, counted));
    // pipe() forwards no errors: a broken source must fail the upload, a refused one stop reading.
    source.on("error", (err) => limited.destroy(err));
    limited.on("error", () => source.destroy());
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: limited, ContentType: options.contentType }, leavePartsOnError: false });
    try {
      await upload.done();
    } catch (err) {
      // A single-part upload may have completed before the limit tripped on a later chunk.
      await this.delete(key).catch(() => {});
      if (counted.bytes > options.maxBytes) throw new StorageLimitError(options.maxBytes);
      throw err;
    }
    return { size: counted.bytes };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject> {
    assertValidKey(key);
    const size = await this.size(key);
    if (size === null) throw new StorageNotFoundError(key);
    if (size === 0) return { stream: Readable.from([]), size: 0, length: 0 };
    const { start, end } = resolveRange(range, size);
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${start}-${end}` : undefined }));
    return { stream: out.Body as Readable, size, length: end - start + 1 };
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    return (await this.size(key)) !== null;
  }

  async downloadUrl(key: string, options: DownloadUrlOptions): Promise<string> {
    assertValidKey(key);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentType: options.contentType,
      ResponseContentDisposition: options.contentDisposition,
      ResponseCacheControl: "private, no-store",
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds ?? 60 });
  }

  async size(key: string): Promise<number | null> {
    assertValidKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }
}
