import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { LocalStorage } from "./local";
import { StorageLimitError, StorageNotFoundError } from "./storage";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-storage-"));
const storage = new LocalStorage(root);
const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
const filesUnder = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile());

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local storage", () => {
  it("stores a stream under its key and reads it back whole or as a byte range", async () => {
    expect(await storage.put("materials/s1/a", chunks("hello ", "world"), { maxBytes: 100 })).toEqual({ size: 11 });
    expect(await storage.exists("materials/s1/a")).toBe(true);
    const whole = await storage.get("materials/s1/a");
    expect([whole.size, whole.length, await text(whole.stream)]).toEqual([11, 11, "hello world"]);
    const part = await storage.get("materials/s1/a", { start: 6, end: 20 });
    expect([part.size, part.length, await text(part.stream)]).toEqual([11, 5, "world"]);
    await expect(storage.get("materials/s1/a", { start: 11 })).rejects.toBeInstanceOf(RangeError);
  });

  it("aborts an upload past the byte limit and leaves no file behind", async () => {
    await expect(storage.put("materials/s1/big", chunks("12345", "67890", "x"), { maxBytes: 10 })).rejects.toBeInstanceOf(StorageLimitError);
    expect(await storage.exists("materials/s1/big")).toBe(false);
    expect(filesUnder(root).filter((f) => f.includes("big"))).toEqual([]);
  });

  it("accepts an object of exactly the limit", async () => {
    expect(await storage.put("exact", chunks("12345", "67890"), { maxBytes: 10 })).toEqual({ size: 10 });
  });

  it("deletes objects, and deleting a missing one is not an error", async () => {
    await storage.put("gone", chunks("x"), { maxBytes: 10 });
    await storage.delete("gone");
    await storage.delete("gone");
    expect(await storage.exists("gone")).toBe(false);
    await expect(storage.get("gone")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("refuses keys that could escape the root", async () => {
    for (const key of ["../outside", "a/../../outside", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "a/..", "%2e%2e/x"]) {
      await expect(storage.put(key, chunks("x"), { maxBytes: 10 }), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.exists(key), key).rejects.toThrow(/Invalid storage key/);
    }
    expect(fs.existsSync(path.join(root, "..", "outside"))).toBe(false);
  });
});
