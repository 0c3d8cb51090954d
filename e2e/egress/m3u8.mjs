// HLS playlists exactly as LiveKit Egress writes them (pkg/pipeline/sink/m3u8/writer.go): version 4,
// `#EXT-X-ALLOW-CACHE:NO`, the target duration the request asked for, and per segment its
// `#EXT-X-PROGRAM-DATE-TIME` (UTC, milliseconds without trailing zeros) and `#EXTINF` (3 decimals).
// The full playlist is an EVENT playlist that only grows; the live one keeps the last `window`
// segments and counts the dropped ones in `#EXT-X-MEDIA-SEQUENCE`. Both end with `#EXT-X-ENDLIST`.

/** Go's time format "2006-01-02T15:04:05.999Z07:00" of a UTC instant. */
export function programDateTime(ms) {
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ""}Z`;
}

function header(targetDuration, event) {
  return `#EXTM3U\n#EXT-X-VERSION:4\n${event ? "#EXT-X-PLAYLIST-TYPE:EVENT\n" : ""}#EXT-X-ALLOW-CACHE:NO\n#EXT-X-TARGETDURATION:${targetDuration}\n`;
}

/** One segment's lines; `seconds` formatted as Go's FormatFloat(d, 'f', 3, 32). */
function entry({ startMs, seconds, filename }) {
  return `#EXT-X-PROGRAM-DATE-TIME:${programDateTime(startMs)}\n#EXTINF:${Math.fround(seconds).toFixed(3)},\n${filename}\n`;
}

/** @typedef {{ startMs: number, seconds: number, filename: string }} Segment */

export function createEventPlaylist(targetDuration) {
  let text = `${header(targetDuration, true)}#EXT-X-MEDIA-SEQUENCE:0\n`;
  return {
    /** @param {Segment} segment */
    append: (segment) => (text += entry(segment)),
    close: () => (text += "#EXT-X-ENDLIST\n"),
    text: () => text,
  };
}

export function createLivePlaylist(targetDuration, window) {
  /** @type {string[]} */
  const entries = [];
  let mediaSequence = 0;
  let ended = false;
  const text = () => `${header(targetDuration, false)}#EXT-X-MEDIA-SEQUENCE:${mediaSequence}\n${entries.join("")}${ended ? "#EXT-X-ENDLIST\n" : ""}`;
  return {
    /** @param {Segment} segment */
    append(segment) {
      entries.push(entry(segment));
      while (entries.length > window) {
        entries.shift();
        mediaSequence++;
      }
    },
    close: () => (ended = true),
    text,
  };
}
