// LiveKit Egress as a broadcast uses it: HLS of the stage (the speaker layout this app draws, with
// the floor's audio) and an audio-only HLS per interpretation channel (the same channel page the
// recordings use), each written by Egress itself into the storage new files go to; and one RTMP(S)
// stream of the stage per restream destination.
import "server-only";
import { EncodingOptionsPreset, SegmentedFileOutput, SegmentedFileProtocol, StreamOutput, StreamProtocol } from "livekit-server-sdk";
import { callEgress, egressLocalPath, egressS3Upload, layoutUrl } from "@/lib/egress/client";
import type { Locale } from "@/lib/i18n/routing";
import type { StorageKind } from "@/lib/storage";

/** Seconds per HLS segment: short enough for a few seconds of latency, long enough to cache well. */
export const SEGMENT_SECONDS = 2;
export const LIVE_PLAYLIST = "live.m3u8";
export const FULL_PLAYLIST = "index.m3u8";

/** A rendition's folder: `broadcasts/{broadcastId}/{name}`; its files are `seg_00001.ts`, index.m3u8 and live.m3u8. */
export const renditionDir = (prefix: string, name: string) => `${prefix}/${name}`;

function segmentOutput(dir: string, storage: StorageKind): SegmentedFileOutput {
  const at = (file: string) => (storage === "s3" ? `${dir}/${file}` : egressLocalPath(`${dir}/${file}`));
  return new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: at("seg"),
    playlistName: at(FULL_PLAYLIST),
    livePlaylistName: at(LIVE_PLAYLIST),
    segmentDuration: SEGMENT_SECONDS,
    disableManifest: true,
    ...(storage === "s3" ? { output: { case: "s3" as const, value: egressS3Upload() } } : {}),
  });
}

/** The stage as HLS: speaker layout, 720p, floor audio. Returns the egress id. */
export async function startStageHls(roomName: string, dir: string, storage: StorageKind, locale: Locale, forumId: string): Promise<string> {
  const segments = segmentOutput(dir, storage);
  const info = await callEgress((e) =>
    e.startRoomCompositeEgress(roomName, { segments }, { layout: "speaker", customBaseUrl: layoutUrl(locale, forumId), encodingOptions: EncodingOptionsPreset.H264_720P_30 }),
  );
  return info.egressId;
}

/** One interpretation channel as audio-only HLS, from the channel's layout page. */
export async function startChannelHls(roomName: string, dir: string, storage: StorageKind, locale: Locale, forumId: string, channel: Locale): Promise<string> {
  const segments = segmentOutput(dir, storage);
  const info = await callEgress((e) => e.startRoomCompositeEgress(roomName, { segments }, { audioOnly: true, customBaseUrl: layoutUrl(locale, forumId, channel) }));
  return info.egressId;
}

/** The ingest URL with its stream key as the last path segment (YouTube's and most platforms' form). */
export function streamUrl(url: string, streamKey: string): string {
  return `${url.replace(/\/+$/, "")}/${streamKey}`;
}

/** The stage pushed to one RTMP(S) destination. */
export async function startRestreamEgress(roomName: string, url: string, locale: Locale, forumId: string): Promise<string> {
  const stream = new StreamOutput({ protocol: StreamProtocol.RTMP, urls: [url] });
  const info = await callEgress((e) =>
    e.startRoomCompositeEgress(roomName, { stream }, { layout: "speaker", customBaseUrl: layoutUrl(locale, forumId), encodingOptions: EncodingOptionsPreset.H264_720P_30 }),
  );
  return info.egressId;
}
