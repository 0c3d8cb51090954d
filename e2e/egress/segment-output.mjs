// Where a segmented (HLS) output writes, by LiveKit Egress's rules (pkg/config/output_segment.go):
// `filenamePrefix`, `playlistName` and `livePlaylistName` are cleaned and templated; the playlists'
// directory is the storage directory and any extension on their names gives way to `.m3u8`; the
// live playlist must sit beside the full one; a prefix in the same directory keeps only its base
// name, in a directory of its own (with no playlist directory) it becomes the storage directory, and
// otherwise stays a sub-path of it; a missing playlist name comes from the prefix (or
// `{room_name}-{time}`), a missing prefix from the playlist name. Segments are
// `{prefix}_{index:05}.ts` (or `{prefix}_{YYYYMMDDhhmmss}{ms}.ts` with the TIMESTAMP suffix).
import path from "node:path";
import { clean, filenameInfo, invalid, replaceAll, storageOf } from "./file-output.mjs";

/**
 * @typedef {{
 *   storage: import("./file-output.mjs").Storage, storageDir: string, playlistFilename: string,
 *   livePlaylistFilename: string, segmentPrefix: string, timestampSuffix: boolean,
 *   segmentDuration: number, disableManifest: boolean, playlistName: string, livePlaylistName: string,
 * }} SegmentPlan
 */

/** Go's path.Split: everything up to and including the last slash, and the rest. */
function split(p) {
  const slash = p.lastIndexOf("/");
  return [p.slice(0, slash + 1), p.slice(slash + 1)];
}

/** Egress's removeKnownExtension, which in fact drops any extension after the last dot. */
function withoutExtension(name) {
  const dot = name.lastIndexOf(".");
  return dot > -1 ? name.slice(0, dot) : name;
}

/**
 * @param {import("@livekit/protocol").SegmentedFileOutput} segments
 * @param {any} upload the storage oneof (the output's own, or StartEgress's)
 * @returns {SegmentPlan}
 */
export function planSegmentOutput(segments, upload, { roomName, roomId, now = new Date() }) {
  const { identifier, time, replacements } = filenameInfo(roomName, roomId, now);
  let [playlistDir, playlistName] = split(replaceAll(clean(segments.playlistName), replacements));
  const [liveDir, liveName] = split(replaceAll(clean(segments.livePlaylistName), replacements));
  let [segmentDir, segmentPrefix] = split(replaceAll(clean(segments.filenamePrefix), replacements));
  if (liveDir !== "" && liveDir !== playlistDir) throw invalid("live_playlist_name must be in same directory as playlist_name");
  playlistName = withoutExtension(playlistName);
  const livePlaylistName = withoutExtension(liveName);
  if (segmentDir !== "" && (playlistDir === segmentDir || playlistDir === "")) {
    playlistDir = segmentDir;
    segmentDir = "";
  }
  if (!playlistName) playlistName = segmentPrefix || `${identifier}-${time}`;
  if (!segmentPrefix) segmentPrefix = playlistName;
  const playlistFilename = `${playlistName}.m3u8`;
  const livePlaylistFilename = livePlaylistName ? `${livePlaylistName}.m3u8` : "";
  if (playlistFilename === livePlaylistFilename) throw invalid("live_playlist_name cannot be identical to playlist_name");
  return {
    storage: storageOf(upload),
    storageDir: playlistDir,
    playlistFilename,
    livePlaylistFilename,
    segmentPrefix: `${segmentDir}${segmentPrefix}`,
    timestampSuffix: segments.filenameSuffix === 1,
    segmentDuration: segments.segmentDuration || 4,
    disableManifest: segments.disableManifest,
    playlistName: path.posix.join(playlistDir, playlistFilename),
    livePlaylistName: livePlaylistFilename ? path.posix.join(playlistDir, livePlaylistFilename) : "",
  };
}
