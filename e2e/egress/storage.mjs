// Writing an egress's file where its request said, as LiveKit's storage package does: a local path
// (egress runs its handler in `/`, so a relative path lands under `fileRoot` here), or a PutObject to
// the request's S3 bucket, with the `location` URL egress reports for it. A local file is written
// beside its target and renamed into place, so a reader (a player polling a playlist) never sees
// half of it, as a PutObject is never seen half-done.
import fs from "node:fs";
import path from "node:path";

/** @typedef {import("./file-output.mjs").Storage} Storage */

let counter = 0;

/** livekit/storage's S3 location: path style under the endpoint, else a bucket subdomain. */
export function s3Location(s3, key) {
  const endpoint = s3.endpoint || "s3.amazonaws.com";
  if (s3.forcePathStyle) return `${endpoint.startsWith("http") ? endpoint : `https://${endpoint}`}/${s3.bucket}/${key}`;
  return `https://${s3.bucket}.${endpoint}/${key}`;
}

async function putObject(s3, key, body, contentType) {
  const { S3Client, PutObjectCommand } = await import("@aws-sdk/client-s3");
  const client = new S3Client({
    region: s3.region || "us-east-1",
    endpoint: s3.endpoint || undefined,
    forcePathStyle: s3.forcePathStyle,
    credentials: s3.accessKey ? { accessKeyId: s3.accessKey, secretAccessKey: s3.secret, sessionToken: s3.sessionToken || undefined } : undefined,
  });
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentDisposition: s3.contentDisposition || "inline",
        Metadata: Object.keys(s3.metadata ?? {}).length ? s3.metadata : undefined,
        Tagging: s3.tagging || undefined,
      }),
    );
  } finally {
    client.destroy();
  }
}

/**
 * Stores `body` at `storagePath` of `storage`; returns egress's `location` and the size.
 * Failures read as egress's own (`S3 upload failed: …`), which end the egress as FAILED.
 * @param {Storage} storage
 * @param {Buffer} body
 */
export async function store(storage, storagePath, body, contentType, fileRoot) {
  const name = storage.kind === "s3" ? "S3" : storage.kind === "local" ? "Local" : storage.name;
  try {
    if (storage.kind === "unsupported") throw new Error("the Egress stand-in uploads to S3 or local paths only");
    if (storage.kind === "s3") {
      await putObject(storage.s3, storagePath, body, contentType);
      return { location: s3Location(storage.s3, storagePath), size: body.length };
    }
    const target = path.isAbsolute(storagePath) ? storagePath : path.join(fileRoot, storagePath);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}-${(counter = (counter + 1) % 1e9)}.partial`;
    await fs.promises.writeFile(partial, body);
    await fs.promises.rename(partial, target).catch(async (err) => {
      await fs.promises.rm(partial, { force: true });
      throw err;
    });
    return { location: target, size: body.length };
  } catch (err) {
    // egress's ErrUploadFailed is psrpc InvalidArgument: the egress ends with error code 400.
    throw Object.assign(new Error(`${name} upload failed: ${err instanceof Error ? err.message : err}`, { cause: err }), { errorCode: 400 });
  }
}
