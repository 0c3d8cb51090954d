// The first presentation time (PTS) in an MPEG-TS segment: what an HLS WebVTT segment's
// X-TIMESTAMP-MAP names, so its cues land on the video's own clock (hls.js and Safari both map
// subtitle cues through it). Reads 188-byte packets from the start up to the first audio and the
// first video PES header carrying a PTS. Pure.

const PACKET = 188;
const SYNC = 0x47;

/** The 33-bit PTS (90 kHz) of a PES header starting at `p`, or null when it carries none. */
function pesPts(b: Uint8Array, p: number): number | null {
  if (p + 14 > b.length || b[p] !== 0 || b[p + 1] !== 0 || b[p + 2] !== 1) return null;
  const stream = b[p + 3];
  const media = (stream >= 0xc0 && stream <= 0xdf) || (stream >= 0xe0 && stream <= 0xef);
  if (!media || !(b[p + 7] & 0x80)) return null;
  const q = p + 9;
  // 3 + 15 + 15 bits, each group followed by a marker bit; the top 3 bits overflow 32-bit ints.
  return ((b[q] >> 1) & 0x07) * 2 ** 30 + ((b[q + 1] << 22) | ((b[q + 2] >> 1) << 15) | (b[q + 3] << 7) | (b[q + 4] >> 1));
}

/** The earliest PTS among the segment's first audio and first video PES, or null (not MPEG-TS, or none within `bytes`). */
export function firstPts(bytes: Uint8Array): number | null {
  let start = bytes.indexOf(SYNC);
  while (start >= 0 && start + PACKET < bytes.length && bytes[start + PACKET] !== SYNC) start = bytes.indexOf(SYNC, start + 1);
  if (start < 0) return null;
  let audio: number | null = null;
  let video: number | null = null;
  for (let at = start; at + PACKET <= bytes.length && (audio === null || video === null); at += PACKET) {
    if (bytes[at] !== SYNC) break;
    const unitStart = bytes[at + 1] & 0x40;
    const control = (bytes[at + 3] >> 4) & 0x03;
    if (!unitStart || !(control & 0x01)) continue;
    const payload = at + 4 + (control & 0x02 ? 1 + bytes[at + 4] : 0);
    const pts = pesPts(bytes, payload);
    if (pts === null) continue;
    const stream = bytes[payload + 3];
    if (stream >= 0xe0) video ??= pts;
    else audio ??= pts;
  }
  const found = [audio, video].filter((v): v is number => v !== null);
  return found.length ? Math.min(...found) : null;
}
