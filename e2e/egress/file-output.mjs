// Where and what an egress's file output writes, by LiveKit Egress's own rules
// (pkg/config/output_file.go): its container from `fileType` (DEFAULT means MP4, or OGG when there is
// no video), the filepath templated and its extension forced to the container's; and the request
// echoed back with its storage secrets redacted.
import path from "node:path";
import { redactStreamKey } from "./stream-output.mjs";
import { passedOn } from "./twirp.mjs";

/**
 * @typedef {{ kind: "local" } | { kind: "s3", s3: import("@livekit/protocol").S3Upload } | { kind: "unsupported", name: string }} Storage
 * @typedef {{ outputType: "mp4" | "ogg" | "mp3", video: boolean, audio: boolean, storagePath: string, storage: Storage, disableManifest: boolean }} FilePlan
 */

export const contentTypes = { mp4: "video/mp4", ogg: "audio/ogg", mp3: "audio/mpeg" };
const extensions = { mp4: ".mp4", ogg: ".ogg", mp3: ".mp3" };
const knownExtensions = new Set([".raw", ".ogg", ".mp3", ".ivf", ".mp4", ".ts", ".webm", ".m3u8", ".jpeg"]);
const fileTypes = { 1: "mp4", 2: "ogg", 3: "mp3" };
export const invalid = (field) => passedOn("invalid_argument", `request has missing or invalid field: ${field}`);

/** Which tracks an egress of `kind` carries, by its request. */
export function tracksOf(kind, req) {
  switch (kind) {
    case "roomComposite":
    case "web":
      return { audio: !req.videoOnly, video: !req.audioOnly };
    case "trackComposite":
      return { audio: Boolean(req.audioTrackId), video: Boolean(req.videoTrackId) };
    case "egress":
      return { audio: !req.source.value?.videoOnly, video: !req.source.value?.audioOnly };
    default:
      return { audio: true, video: true };
  }
}

/** Go's path.Clean as egress applies it: leading `../` dropped, a trailing slash kept. */
export function clean(filepath) {
  const slash = filepath.endsWith("/");
  let p = path.posix.normalize(filepath || ".");
  if (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  while (p.startsWith("../")) p = p.slice(3);
  if (p === "." || p === "..") return "";
  return slash ? `${p}/` : p;
}

/** Egress's getFilenameInfo: the identifier (room name, or "web") and the `{…}` replacements. */
export function filenameInfo(roomName, roomId, now) {
  const iso = now.toISOString();
  const time = `${iso.slice(0, 10)}T${iso.slice(11, 19).replaceAll(":", "")}`;
  const utc = `${iso.slice(0, 19).replace(/[-:T]/g, "")}${iso.slice(20, 23)}`;
  const replacements = { "{time}": time, "{utc}": utc, ...(roomName ? { "{room_name}": roomName, "{room_id}": roomId } : {}) };
  return { identifier: roomName || "web", time, replacements };
}

export function replaceAll(text, replacements) {
  let out = text;
  for (const [key, value] of Object.entries(replacements)) out = out.replaceAll(key, value);
  return out;
}

/** The storage a request's `output` oneof (or StartEgress's `storage.provider`) names; none is local. */
export function storageOf(upload) {
  /** @type {Storage} */
  const storage = !upload?.case
    ? { kind: "local" }
    : upload.case === "s3"
      ? { kind: "s3", s3: upload.value }
      : { kind: "unsupported", name: { gcp: "GCP", azure: "Azure", aliOSS: "AliOSS" }[upload.case] ?? upload.case };
  return storage;
}

/**
 * One file output, as egress's getEncodedFileConfig plans it.
 * @param {{ file: import("@livekit/protocol").EncodedFileOutput | import("@livekit/protocol").DirectFileOutput, upload: any, direct: boolean }} output
 * @returns {FilePlan}
 */
export function planFileOutput({ file, upload, direct }, tracks, { roomName, roomId, now = new Date() }) {
  let { audio, video } = tracks;
  const t = filenameInfo(roomName, roomId, now);
  let storagePath = replaceAll(clean(file.filepath), t.replacements);
  /** @type {FilePlan["outputType"]} */
  let outputType;
  if (direct) {
    // A track egress writes the track's own codec; the stand-in goes by the name it was given.
    outputType = storagePath.endsWith(".ogg") ? "ogg" : "mp4";
    if (outputType === "ogg") video = false;
  } else {
    outputType = fileTypes[file.fileType] ?? (video ? "mp4" : "ogg");
    if (video && outputType !== "mp4") throw passedOn("invalid_argument", `format ${contentTypes[outputType]} incompatible with codec video/h264`);
    const ext = extensions[outputType];
    if (storagePath === "" || storagePath.endsWith("/")) storagePath = `${storagePath}${t.identifier}-${t.time}${ext}`;
    else if (!storagePath.endsWith(ext)) {
      const dot = storagePath.lastIndexOf(".");
      if (dot > -1 && knownExtensions.has(storagePath.slice(dot))) storagePath = storagePath.slice(0, dot);
      storagePath += ext;
    }
  }
  return { outputType, audio, video, storagePath, storage: storageOf(upload), disableManifest: file.disableManifest };
}

function redactUpload(upload) {
  const r = (s, name) => (s ? name : "");
  const v = upload?.value;
  if (upload?.case === "s3")
    Object.assign(v, {
      accessKey: r(v.accessKey, "{access_key}"),
      secret: r(v.secret, "{secret}"),
      assumeRoleExternalId: r(v.assumeRoleExternalId, "{external_id}"),
      sessionToken: r(v.sessionToken, "{session_token}"),
    });
  if (upload?.case === "gcp") v.credentials = r(v.credentials, "{credentials}");
  if (upload?.case === "azure") Object.assign(v, { accountName: r(v.accountName, "{account_name}"), accountKey: r(v.accountKey, "{account_key}") });
  if (upload?.case === "aliOSS") Object.assign(v, { accessKey: r(v.accessKey, "{access_key}"), secret: r(v.secret, "{secret}") });
}

function redactStreamKeys(stream) {
  stream.urls = stream.urls.map((url) => redactStreamKey(url) ?? url);
}

/** The request as EgressInfo echoes it: a copy with storage credentials and stream keys replaced by placeholders (protocol's egress/redact.go). */
export function redacted(kind, req) {
  const copy = req.clone();
  if (kind === "egress") {
    for (const storage of [copy.storage, ...copy.outputs.map((o) => o.storage)]) redactUpload(storage?.provider);
    for (const output of copy.outputs) if (output.config.case === "stream") redactStreamKeys(output.config.value);
    return copy;
  }
  for (const out of [...(copy.fileOutputs ?? []), ...(copy.segmentOutputs ?? []), ...(copy.imageOutputs ?? [])]) redactUpload(out.output);
  if (copy.output?.case === "file" || copy.output?.case === "segments") redactUpload(copy.output.value.output);
  if (copy.streamOutputs?.length === 1) redactStreamKeys(copy.streamOutputs[0]);
  if (copy.output?.case === "stream") redactStreamKeys(copy.output.value);
  return copy;
}
