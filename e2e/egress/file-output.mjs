// Where and what an egress writes, by LiveKit Egress's own rules (pkg/config/output_file.go,
// pipeline.go): the one file output of a request, its container from `fileType` (DEFAULT means MP4,
// or OGG when there is no video), the filepath templated and its extension forced to the container's,
// and the request echoed back with its storage secrets redacted.
import path from "node:path";
import { passedOn, TwirpError } from "./twirp.mjs";

/**
 * @typedef {{ kind: "local" } | { kind: "s3", s3: import("@livekit/protocol").S3Upload } | { kind: "unsupported", name: string }} Storage
 * @typedef {{ outputType: "mp4" | "ogg" | "mp3", video: boolean, audio: boolean, storagePath: string, storage: Storage, disableManifest: boolean }} FilePlan
 */

export const contentTypes = { mp4: "video/mp4", ogg: "audio/ogg", mp3: "audio/mpeg" };
const extensions = { mp4: ".mp4", ogg: ".ogg", mp3: ".mp3" };
const knownExtensions = new Set([".raw", ".ogg", ".mp3", ".ivf", ".mp4", ".ts", ".webm", ".m3u8", ".jpeg"]);
const fileTypes = { 1: "mp4", 2: "ogg", 3: "mp3" };
const invalid = (field) => passedOn("invalid_argument", `request has missing or invalid field: ${field}`);
const onlyFiles = () => new TwirpError("unimplemented", "the Egress stand-in writes file outputs only (no stream, segment or image outputs)");

/** The request's single file output and the upload settings that go with it. */
function fileOutputOf(kind, req) {
  if (kind === "track") {
    if (req.output?.case !== "file") throw onlyFiles();
    return { file: req.output.value, upload: req.output.value.output, direct: true };
  }
  if (kind === "egress") {
    const files = req.outputs.filter((o) => o.config.case === "file");
    if (files.length < req.outputs.length) throw onlyFiles();
    if (files.length > 1) throw invalid("multiple file outputs");
    if (!files.length) throw invalid("output");
    return { file: files[0].config.value, upload: (files[0].storage ?? req.storage)?.provider, direct: false };
  }
  const legacy = req.output?.case;
  if (req.streamOutputs?.length || req.segmentOutputs?.length || req.imageOutputs?.length || (legacy && legacy !== "file")) throw onlyFiles();
  const files = req.fileOutputs?.length ? req.fileOutputs : legacy === "file" ? [req.output.value] : [];
  if (files.length > 1) throw invalid("multiple file outputs");
  if (!files.length) throw invalid("output");
  return { file: files[0], upload: files[0].output, direct: false };
}

function tracksOf(kind, req) {
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
function clean(filepath) {
  const slash = filepath.endsWith("/");
  let p = path.posix.normalize(filepath || ".");
  if (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  while (p.startsWith("../")) p = p.slice(3);
  if (p === "." || p === "..") return "";
  return slash ? `${p}/` : p;
}

function template(filepath, roomName, roomId, now) {
  const iso = now.toISOString();
  const time = `${iso.slice(0, 10)}T${iso.slice(11, 19).replaceAll(":", "")}`;
  const utc = `${iso.slice(0, 19).replace(/[-:T]/g, "")}${iso.slice(20, 23)}`;
  const values = { "{time}": time, "{utc}": utc, ...(roomName ? { "{room_name}": roomName, "{room_id}": roomId } : {}) };
  let out = filepath;
  for (const [key, value] of Object.entries(values)) out = out.replaceAll(key, value);
  return { path: out, identifier: roomName || "web", time };
}

/** @returns {FilePlan} */
export function planFileOutput(kind, req, { roomName, roomId, now = new Date() }) {
  const { file, upload, direct } = fileOutputOf(kind, req);
  let { audio, video } = tracksOf(kind, req);
  if (!audio && !video) throw invalid("audio_only and video_only");
  const t = template(clean(file.filepath), roomName, roomId, now);
  let storagePath = t.path;
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
  /** @type {Storage} */
  const storage = !upload?.case
    ? { kind: "local" }
    : upload.case === "s3"
      ? { kind: "s3", s3: upload.value }
      : { kind: "unsupported", name: { gcp: "GCP", azure: "Azure", aliOSS: "AliOSS" }[upload.case] ?? upload.case };
  return { outputType, audio, video, storagePath, storage, disableManifest: file.disableManifest };
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

/** The request as EgressInfo echoes it: a copy with storage credentials replaced by placeholders. */
export function redacted(kind, req) {
  const copy = req.clone();
  if (kind === "egress") {
    for (const storage of [copy.storage, ...copy.outputs.map((o) => o.storage)]) redactUpload(storage?.provider);
    return copy;
  }
  for (const out of [...(copy.fileOutputs ?? []), ...(copy.segmentOutputs ?? []), ...(copy.imageOutputs ?? [])]) redactUpload(out.output);
  if (copy.output?.case === "file" || copy.output?.case === "segments") redactUpload(copy.output.value.output);
  return copy;
}
