// Storage in a local folder. Writes go to a temporary file renamed into place on success, so a
// refused or broken upload never leaves a partial object under its key.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertValidKey, byteLimit, resolveRange, StorageNotFoundError, toReadable, type ByteRange, type PutOptions, type Storage, type StoredObject } from "./storage";

export class LocalStorage implements Storage {
  readonly kind = "local" as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file of `key`; refuses anything that would resolve outside the root. */
  private file(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error(`Invalid storage key '${key}'`);
    return file;
  }

  async put(key: string, body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<{ size: number }> {
    const file = this.file(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial-${randomUUID()}`;
    const counted = { bytes: 0 };
    try {
      await pipeline(toReadable(body), byteLimit(options.maxBytes, counted), fs.createWriteStream(partial, { flags: "wx" }));
      await fsp.rename(partial, file);
    } catch (err) {
      await fsp.rm(partial, { force: true });
      throw err;
    }
    return { size: counted.bytes };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject> {
    const file = this.file(key);
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new StorageNotFoundError(key);
    if (stat.size === 0) return { stream: fs.createReadStream(file), size: 0, length: 0 };
    const { start, end } = resolveRange(range, stat.size);
    return { stream: fs.createReadStream(file, { start, end }), size: stat.size, length: end - start + 1 };
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.file(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  async size(key: string): Promise<number | null> {
    const stat = await fsp.stat(this.file(key)).catch(() => null);
    return stat?.isFile() ? stat.size : null;
  }
}
