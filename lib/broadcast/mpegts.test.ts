import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFfmpeg } from "../../e2e/egress/stand-in.mjs";
import { firstPts } from "./mpegts";

/** One 188-byte TS packet starting a PES of `stream` with `pts` (and an adaptation field when `pad`). */
function pesPacket(pid: number, stream: number, pts: number, pad = 0): Uint8Array {
  const b = new Uint8Array(188).fill(0xff);
  b[0] = 0x47;
  b[1] = 0x40 | (pid >> 8);
  b[2] = pid & 0xff;
  b[3] = (pad ? 0x30 : 0x10) | 0;
  let p = 4;
  if (pad) {
    b[4] = pad;
    b[5] = 0;
    p = 5 + pad;
  }
  b.set([0, 0, 1, stream, 0, 0, 0x80, 0x80, 5], p);
  const q = p + 9;
  const hi = Math.floor(pts / 2 ** 30) & 0x07;
  const lo = pts % 2 ** 30;
  b[q] = 0x21 | (hi << 1);
  b[q + 1] = (lo >> 22) & 0xff;
  b[q + 2] = (((lo >> 15) & 0x7f) << 1) | 1;
  b[q + 3] = (lo >> 7) & 0xff;
  b[q + 4] = ((lo & 0x7f) << 1) | 1;
  return b;
}
const join = (...parts: Uint8Array[]) => Buffer.concat(parts);
const pat = () => {
  const b = new Uint8Array(188).fill(0xff);
  b.set([0x47, 0x40, 0x00, 0x10, 0x00]);
  return b;
};

describe("firstPts", () => {
  it("reads the earliest of the first audio and video PTS, past tables and adaptation fields", () => {
    const ts = join(pat(), pesPacket(0x100, 0xe0, 126_000 + 3600, 7), pesPacket(0x101, 0xc0, 126_000), pesPacket(0x100, 0xe0, 1));
    expect(firstPts(ts)).toBe(126_000);
  });

  it("keeps all 33 bits (past 2^32, a day and more of 90 kHz ticks)", () => {
    const pts = 2 ** 33 - 12_345;
    expect(firstPts(join(pat(), pesPacket(0x100, 0xe0, pts)))).toBe(pts);
  });

  it("finds packets after a stray byte, and gives null for what is not MPEG-TS", () => {
    expect(firstPts(join(new Uint8Array([0x47, 1, 2]), pat(), pesPacket(0x100, 0xe0, 90_000)))).toBe(90_000);
    expect(firstPts(new TextEncoder().encode("#EXTM3U\n"))).toBeNull();
    expect(firstPts(join(pat(), pat()))).toBeNull();
  });

  const ffmpeg = findFfmpeg();
  it.skipIf(!ffmpeg)("agrees with ffprobe on a segment ffmpeg wrote", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pts-"));
    const file = path.join(dir, "seg.ts");
    const made = spawnSync(ffmpeg!, [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=160x90:rate=15",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440",
      "-t",
      "1",
      "-c:v",
      "libx264",
      "-c:a",
      "aac",
      "-output_ts_offset",
      "3600.5",
      "-f",
      "mpegts",
      file,
    ]);
    expect(made.status).toBe(0);
    const ffprobe = path.join(path.dirname(ffmpeg!), "ffprobe");
    const probed = spawnSync(ffprobe, ["-v", "error", "-show_entries", "format=start_time", "-of", "csv=p=0", file], { encoding: "utf8" });
    const pts = firstPts(fs.readFileSync(file).subarray(0, 64 * 1024));
    expect(pts).not.toBeNull();
    expect(Math.abs(pts! / 90_000 - Number(probed.stdout.trim()))).toBeLessThan(0.001);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
