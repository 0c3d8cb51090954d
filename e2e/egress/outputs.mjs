// A request's outputs as LiveKit Egress collects them (pkg/config/output.go): at most one file, one
// stream (any number of URLs) and one segmented output; the deprecated `output` oneof counts only when
// its list is empty; image outputs are not written here. EgressInfo's deprecated `result` is set when
// the request has one kind of output only. StartEgress (v2) lists its outputs with their own storage.
import { planFileOutput, tracksOf, invalid } from "./file-output.mjs";
import { protocol as P } from "./protocol.mjs";
import { planSegmentOutput } from "./segment-output.mjs";
import { streamOutputTypeOf, validateRtmpUrl } from "./stream-output.mjs";
import { TwirpError } from "./twirp.mjs";

/**
 * @typedef {{ parsedUrl: string, redactedUrl: string, streamId: string, info: InstanceType<typeof P.StreamInfo> }} StreamPlan
 * @typedef {{
 *   audio: boolean, video: boolean,
 *   file: import("./file-output.mjs").FilePlan | null,
 *   segments: import("./segment-output.mjs").SegmentPlan | null,
 *   streams: StreamPlan[] | null,
 *   result: "file" | "stream" | "segments" | null,
 * }} OutputPlan
 */

const unsupported = (what) => new TwirpError("unimplemented", `the Egress stand-in does not write ${what}`);

/** StreamConfig.AddStream: a validated URL, ACTIVE until it finishes or fails. */
export function planStream(rawUrl) {
  const url = validateRtmpUrl(rawUrl);
  return { ...url, info: new P.StreamInfo({ url: url.redactedUrl, status: P.StreamInfo_Status.ACTIVE }) };
}

function planStreams(stream) {
  const type = streamOutputTypeOf(stream, P);
  if (type !== "rtmp") throw unsupported(`${type === "srt" ? "SRT" : "WebSocket"} stream outputs`);
  return stream.urls.map(planStream);
}

function one(list, legacy, name) {
  if (list?.length > 1) throw invalid(`multiple ${name}`);
  return list?.length ? list[0] : legacy;
}

/** @returns {OutputPlan} */
export function planOutputs(kind, req, ctx) {
  const { audio, video } = tracksOf(kind, req);
  if (!audio && !video) throw invalid("audio_only and video_only");
  const tracks = { audio, video };
  /** @type {OutputPlan} */
  const plan = { audio, video, file: null, segments: null, streams: null, result: null };
  if (kind === "track") {
    if (req.output?.case !== "file") throw unsupported("WebSocket track outputs");
    plan.file = planFileOutput({ file: req.output.value, upload: req.output.value.output, direct: true }, tracks, ctx);
    plan.result = "file";
    return plan;
  }
  if (kind === "egress") return planV2(req, plan, tracks, ctx);

  const legacy = req.output ?? { case: undefined };
  const files = req.fileOutputs ?? [];
  const streams = req.streamOutputs ?? [];
  const segmentOutputs = req.segmentOutputs ?? [];
  const images = req.imageOutputs ?? [];
  const file = one(files, legacy.case === "file" ? legacy.value : null, "file outputs");
  if (file) {
    plan.file = planFileOutput({ file, upload: file.output, direct: false }, tracks, ctx);
    if (streams.length + segmentOutputs.length + images.length === 0) plan.result = "file";
  }
  const stream = one(streams, legacy.case === "stream" ? legacy.value : null, "stream outputs");
  if (stream) {
    plan.streams = planStreams(stream);
    if (files.length + segmentOutputs.length + images.length === 0) {
      // An empty stream output is only valid beside other outputs.
      if (!stream.urls.length) throw invalid("stream url");
      plan.result = "stream";
    }
  }
  const segments = one(segmentOutputs, legacy.case === "segments" ? legacy.value : null, "segmented file outputs");
  if (segments) {
    plan.segments = planSegmentOutput(segments, segments.output, ctx);
    if (streams.length + files.length + images.length === 0) plan.result = "segments";
  }
  if (images.length) throw unsupported("image outputs");
  if (!plan.file && !plan.segments && !plan.streams?.length) throw invalid("output");
  return plan;
}

/** StartEgress: each output with its own storage, or the request's. */
function planV2(req, plan, tracks, ctx) {
  if (!req.outputs.length) throw invalid("output");
  for (const output of req.outputs) {
    const { case: kind, value } = output.config;
    const upload = (output.storage ?? req.storage)?.provider;
    if (kind === "file") {
      if (plan.file) throw invalid("multiple file outputs");
      plan.file = planFileOutput({ file: value, upload, direct: false }, tracks, ctx);
    } else if (kind === "stream") {
      if (plan.streams) throw invalid("multiple stream outputs");
      plan.streams = planStreams(value);
    } else if (kind === "segments") {
      if (plan.segments) throw invalid("multiple segmented file outputs");
      plan.segments = planSegmentOutput(value, upload, ctx);
    } else if (kind === "images") throw unsupported("image outputs");
    else throw invalid("output config");
  }
  if (!plan.file && !plan.segments && !plan.streams?.length) throw invalid("output");
  const kinds = [plan.file && "file", plan.streams && "stream", plan.segments && "segments"].filter(Boolean);
  plan.result = kinds.length === 1 ? /** @type {OutputPlan["result"]} */ (kinds[0]) : null;
  return plan;
}
