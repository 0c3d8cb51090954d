// HLS playlists as the audience's players read them. The master playlist is ours: the stage's
// video variant (its own audio is the floor), one `EXT-X-MEDIA TYPE=AUDIO` rendition per
// interpretation channel and, when the forum is captioned, its live captions as `TYPE=SUBTITLES`.
// The media playlists are Egress's, passed through with the access token carried onto every URI,
// since a relative URI loses the playlist's query string.

export interface MasterRendition {
  /** "ko", "zh" or "en". */
  language: string;
  /** The channel's name in the viewer's language (Intl). */
  name: string;
  /** The channel's media playlist, relative to the master. */
  uri: string;
}

export interface SubtitleRendition {
  /** "ko", "zh" or "en"; null for the floor's captions (every language spoken on it). */
  language: string | null;
  name: string;
  uri: string;
}

export interface MasterPlaylist {
  /** The stage's media playlist, relative to the master. */
  stageUri: string;
  /** The floor's name in the viewer's language. */
  floorName: string;
  channels: MasterRendition[];
  /** The live captions' renditions (lib/broadcast/captions-hls.ts); none when the forum is not captioned. */
  subtitles?: SubtitleRendition[];
  /** Appended to every URI (`token=…`), or "" for a public forum. */
  query: string;
}

/** Peak bandwidth of the stage variant: Egress's H264_720P_30 preset (3 Mbps video) and AAC 128 kbps. */
export const STAGE_BANDWIDTH = 3_200_000;
export const STAGE_CODECS = "avc1.64001f,mp4a.40.2";
export const AUDIO_GROUP = "audio";
export const SUBTITLES_GROUP = "captions";

/** The floor's name in a playlist, as the recordings player names it (recordings.channels.floor;
 * playlist.test.ts keeps the two the same): the route has no message catalogue at hand. */
export const FLOOR_NAME = { ko: "원음", zh: "原声", en: "Floor" } as const;

/** A captions rendition's name, as the recordings player names automatic subtitles (player.subtitlesAutomatic). */
export const AUTOMATIC_NAME = { ko: "{language} (자동)", zh: "{language}（自动）", en: "{language} (automatic)" } as const;

/** An attribute value: a quoted-string may hold no double quote or line break (RFC 8216 4.2). */
function quoted(value: string): string {
  return `"${value.replace(/["\r\n]/g, "'")}"`;
}

function withQuery(uri: string, query: string): string {
  if (!query) return uri;
  return `${uri}${uri.includes("?") ? "&" : "?"}${query}`;
}

export function masterPlaylist(p: MasterPlaylist): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:6", "#EXT-X-INDEPENDENT-SEGMENTS"];
  // The floor is the variant's own audio: no URI (RFC 8216 4.3.4.1), the default.
  lines.push(`#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=${quoted(AUDIO_GROUP)},NAME=${quoted(p.floorName)},DEFAULT=YES,AUTOSELECT=YES`);
  for (const c of p.channels) {
    lines.push(`#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=${quoted(AUDIO_GROUP)},NAME=${quoted(c.name)},LANGUAGE=${quoted(c.language)},DEFAULT=NO,AUTOSELECT=NO,URI=${quoted(withQuery(c.uri, p.query))}`);
  }
  const subtitles = p.subtitles ?? [];
  for (const s of subtitles) {
    const language = s.language ? `,LANGUAGE=${quoted(s.language)}` : "";
    // Never on by default: the player turns captions on (and Safari when its reader asked for them).
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=${quoted(SUBTITLES_GROUP)},NAME=${quoted(s.name)}${language},DEFAULT=NO,AUTOSELECT=${s.language ? "YES" : "NO"},FORCED=NO,URI=${quoted(withQuery(s.uri, p.query))}`,
    );
  }
  const subtitleGroup = subtitles.length ? `,SUBTITLES=${quoted(SUBTITLES_GROUP)}` : "";
  lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${STAGE_BANDWIDTH},CODECS=${quoted(STAGE_CODECS)},RESOLUTION=1280x720,AUDIO=${quoted(AUDIO_GROUP)}${subtitleGroup}`);
  lines.push(withQuery(p.stageUri, p.query));
  return `${lines.join("\n")}\n`;
}

/** A media playlist with `query` carried onto each segment URI and every URI="…" attribute (keys, maps). */
export function carryQuery(playlist: string, query: string): string {
  if (!query) return playlist;
  return playlist
    .split("\n")
    .map((line) => {
      const text = line.trim();
      if (!text) return line;
      if (!text.startsWith("#")) return withQuery(text, query);
      return line.replace(/URI="([^"]*)"/g, (_m, uri: string) => `URI="${withQuery(uri, query)}"`);
    })
    .join("\n");
}

/** How far back a viewer may go on a live broadcast: 5 minutes of 2-second segments. */
export const DVR_SEGMENTS = 150;

/**
 * A live sliding window over Egress's full (EVENT) playlist: its last `maxSegments` segments, the
 * dropped ones counted in EXT-X-MEDIA-SEQUENCE (and their discontinuities in
 * EXT-X-DISCONTINUITY-SEQUENCE), no longer an EVENT playlist. Egress's own live playlist keeps only
 * its last 5 segments — too short to go back in — and its full one grows all day, which every
 * viewer would otherwise download every 2 seconds.
 */
export function windowPlaylist(playlist: string, maxSegments = DVR_SEGMENTS): string {
  const lines = playlist.split("\n");
  const header: string[] = [];
  const segments: string[][] = [];
  const trailer: string[] = [];
  let pending: string[] = [];
  let mediaSequence = 0;
  let discontinuitySequence = 0;
  let inBody = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) mediaSequence = Number(line.slice(22)) || 0;
    else if (line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE:")) discontinuitySequence = Number(line.slice(30)) || 0;
    else if (line.startsWith("#EXT-X-PLAYLIST-TYPE:")) continue;
    else if (line === "#EXT-X-ENDLIST") trailer.push(line);
    else if (!line.startsWith("#")) {
      segments.push([...pending, line]);
      pending = [];
      inBody = true;
    } else if (!inBody && !/^#EXT(INF|-X-PROGRAM-DATE-TIME|-X-DISCONTINUITY|-X-BYTERANGE|-X-GAP)\b/.test(line)) header.push(line);
    else pending.push(line);
  }
  const dropped = Math.max(0, segments.length - maxSegments);
  const kept = segments.slice(dropped);
  const droppedDiscontinuities = segments.slice(0, dropped).filter((seg) => seg.includes("#EXT-X-DISCONTINUITY")).length;
  const out = [...header, `#EXT-X-MEDIA-SEQUENCE:${mediaSequence + dropped}`];
  if (discontinuitySequence + droppedDiscontinuities > 0) out.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuitySequence + droppedDiscontinuities}`);
  for (const seg of kept) out.push(...seg);
  out.push(...pending, ...trailer);
  return `${out.join("\n")}\n`;
}

/** The names a broadcast's folder holds: playlists and segments as Egress writes them. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}\.(m3u8|ts|m4s|mp4|aac|vtt)$/;

export type BroadcastFileKind = "playlist" | "segment";

/** What a requested file is, or null for a name we never serve. */
export function broadcastFileKind(name: string): BroadcastFileKind | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  return match[1] === "m3u8" ? "playlist" : "segment";
}

export const contentTypes: Record<string, string> = {
  m3u8: "application/vnd.apple.mpegurl",
  ts: "video/mp2t",
  m4s: "video/iso.segment",
  mp4: "video/mp4",
  aac: "audio/aac",
  vtt: "text/vtt; charset=utf-8",
};

export function contentTypeOf(name: string): string {
  return contentTypes[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}
