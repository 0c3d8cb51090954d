// What an egress leaves when it ends (Egress's sinks closing, then Controller.uploadManifest): the
// file output rendered to the recorded length and stored, the segment output's last segment and
// final playlists, and the manifest — `{egressId}.json` beside the file and beside the playlists
// unless the output disabled it, EgressInfo.manifestLocation being the first one stored.
import fs from "node:fs";
import path from "node:path";
import { contentTypes } from "./file-output.mjs";
import { renderMedia } from "./media.mjs";
import { store } from "./storage.mjs";

/** Go's encoding/json of egress's Manifest: int64 as numbers, empty fields left out. */
function manifestJson(info, files, playlists) {
  const manifest = {
    egress_id: info.egressId,
    room_id: info.roomId || undefined,
    room_name: info.roomName || undefined,
    started_at: `${info.startedAt}`,
    ended_at: `${info.endedAt}`,
    files: files.length ? files : undefined,
    playlists: playlists.length ? playlists.map((p) => ({ location: p.location || undefined, segments: p.segments.length ? p.segments : undefined })) : undefined,
  };
  return JSON.stringify(manifest).replace(/"(started_at|ended_at)":"(\d+)"/g, '"$1":$2') + "\n";
}

/**
 * Renders and stores the file output of `entry` for `seconds`.
 * @param {import("./egresses.mjs").Entry} entry
 */
export async function writeFileOutput(entry, seconds, { ffmpeg, workDir, fileRoot, onSpawn }) {
  const { info, file } = entry;
  const plan = /** @type {import("./file-output.mjs").FilePlan} */ (entry.plan.file);
  const tmp = path.join(workDir, `${info.egressId}.${plan.outputType}`);
  try {
    await renderMedia({ ffmpeg, file: tmp, seconds, outputType: plan.outputType, video: plan.video, audio: plan.audio, frequency: entry.frequency, onSpawn });
    const { location, size } = await store(plan.storage, plan.storagePath, await fs.promises.readFile(tmp), contentTypes[plan.outputType], fileRoot);
    Object.assign(/** @type {import("@livekit/protocol").FileInfo} */ (file), { location, size: BigInt(size) });
    return { location, size };
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/**
 * Stores the manifest where the outputs ask for one; as in Egress a manifest that cannot be written
 * is logged, not a failure.
 * @param {import("./egresses.mjs").Entry} entry
 */
export async function writeManifest(entry, { fileRoot, log }) {
  const { info, plan, file, manifestPlaylist } = entry;
  const files = file?.location ? [{ filename: plan.file?.storagePath, location: file.location }] : [];
  const body = Buffer.from(manifestJson(info, files, plan.segments ? [manifestPlaylist] : []));
  const places = [
    plan.file && !plan.file.disableManifest && { storage: plan.file.storage, dir: path.posix.dirname(plan.file.storagePath) },
    plan.segments && !plan.segments.disableManifest && { storage: plan.segments.storage, dir: plan.segments.storageDir },
  ].filter(Boolean);
  for (const place of places) {
    const target = path.posix.join(place.dir, `${info.egressId}.json`);
    const location = await store(place.storage, target, body, "application/json", fileRoot).then(
      (r) => r.location,
      (err) => (log(`egress ${info.egressId}: ${err.message}`), ""),
    );
    info.manifestLocation ||= location;
  }
}
