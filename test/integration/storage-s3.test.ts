// The S3 storage backend against a real S3-compatible server in-process (s3rver on loopback):
// streamed uploads with the byte limit, whole and ranged reads, deletes, presigned downloads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage } from "../../lib/storage/s3";
import { StorageLimitError, StorageNotFoundError } from "../../lib/storage/storage";

const MB = 1024 * 1024;

/** `megabytes` 1 MB chunks, each filled with its index, made as they are read. */
async function* megabytes(count: number) {
  for (let i = 0; i < count; i++) yield Buffer.alloc(MB, i);
}

describe("S3 storage", () => {
  let server: S3rver;
  let dir: string;
  let storage: S3Storage;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, configureBuckets: [{ name: "plenary-test" }] });
    const { port } = await server.run();
    storage = new S3Storage({ endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", bucket: "plenary-test", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("stores a stream and reads it back whole or as a byte range", async () => {
    const bytes = Buffer.from("%PDF-1.4 대기질 slides");
    expect(await storage.put("materials/s1/a", Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]), { maxBytes: 100, contentType: "application/pdf" })).toEqual({ size: bytes.length });
    expect(await storage.exists("materials/s1/a")).toBe(true);
    const whole = await storage.get("materials/s1/a");
    expect([whole.size, whole.length]).toEqual([bytes.length, bytes.length]);
    expect(await buffer(whole.stream)).toEqual(bytes);
    const part = await storage.get("materials/s1/a", { start: 2, end: 4 });
    expect([part.size, part.length]).toEqual([bytes.length, 3]);
    expect((await buffer(part.stream)).toString()).toBe("DF-");
  });

  it("streams a multi-part upload larger than one part", async () => {
    expect(await storage.put("materials/s1/big", megabytes(12), { maxBytes: 20 * MB })).toEqual({ size: 12 * MB });
    const tail = await storage.get("materials/s1/big", { start: 12 * MB - 2 });
    expect([...(await buffer(tail.stream))]).toEqual([11, 11]);
    await storage.delete("materials/s1/big");
  });

  it("aborts an upload past the byte limit, small or multi-part, and leaves no object", async () => {
    await expect(storage.put("materials/s1/small-over", Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), { maxBytes: 100 })).rejects.toBeInstanceOf(StorageLimitError);
    expect(await storage.exists("materials/s1/small-over")).toBe(false);
    await expect(storage.put("materials/s1/big-over", megabytes(12), { maxBytes: 11 * MB })).rejects.toBeInstanceOf(StorageLimitError);
    expect(await storage.exists("materials/s1/big-over")).toBe(false);
  });

  it("deletes objects and reports missing ones", async () => {
    await storage.put("gone", Readable.from([Buffer.from("x")]), { maxBytes: 10 });
    await storage.delete("gone");
    expect(await storage.exists("gone")).toBe(false);
    await expect(storage.get("gone")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("signs a short-lived download URL that serves the bytes as an attachment", async () => {
    await storage.put("materials/s1/signed", Readable.from([Buffer.from("%PDF-1.4 signed")]), { maxBytes: 100 });
    const disposition = `attachment; filename="slides.pdf"; filename*=UTF-8''slides.pdf`;
    const url = await storage.downloadUrl("materials/s1/signed", { contentType: "application/pdf", contentDisposition: disposition, expiresInSeconds: 60 });
    expect(url).toMatch(/X-Amz-Expires=60/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(disposition);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(await res.text()).toBe("%PDF-1.4 signed");
    // s3rver does not verify SigV4 signatures, so a tampered URL cannot be tested against it.
    expect(url).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
  });

  it("refuses keys that could escape the bucket prefix", async () => {
    await expect(storage.put("../x", Readable.from([Buffer.from("x")]), { maxBytes: 10 })).rejects.toThrow(/Invalid storage key/);
  });
});
