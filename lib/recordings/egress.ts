// LiveKit Egress as this app uses it: a room-composite MP4 of a forum's stage (speaker layout,
// drawn by this app's layout page) and an audio-only composite per interpretation channel, written
// to the storage new files go to. Egress writes the file itself: into RECORDINGS_DIR (a volume it
// shares with the app, EGRESS_FILE_DIR on its side) or straight to the S3 bucket.
import "server-only";
import { EncodedFileOutput, EncodedFileType, EncodingOptionsPreset } from "livekit-server-sdk";
import { callEgress, egressLocalPath, egressS3Upload, layoutUrl } from "@/lib/egress/client";
import type { Locale } from "@/lib/i18n/routing";
import { getStorage, type StorageKind } from "@/lib/storage";

export { egressReachable, stopEgress } from "@/lib/egress/client";

/** The storage new recordings go to; each row records it before Egress is asked to write there. */
export function recordingStorage(): StorageKind {
  return getStorage().kind;
}

/** Where Egress writes an object of `storage`: the same key in the bucket, or the key's path under
 * RECORDINGS_DIR as Egress sees it. */
function fileOutput(key: string, storage: StorageKind): EncodedFileOutput {
  if (storage === "s3") return new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: key, disableManifest: true, output: { case: "s3", value: egressS3Upload() } });
  return new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: egressLocalPath(key), disableManifest: true });
}

/** Records the room's stage: the speaker layout with video, floor audio, H.264 720p MP4. Returns the egress id. */
export async function startStageEgress(roomName: string, key: string, storage: StorageKind, locale: Locale, forumId: string): Promise<string> {
  const file = fileOutput(key, storage);
  const info = await callEgress((e) =>
    e.startRoomCompositeEgress(roomName, { file }, { layout: "speaker", customBaseUrl: layoutUrl(locale, forumId), encodingOptions: EncodingOptionsPreset.H264_720P_30 }),
  );
  return info.egressId;
}

/** Records one interpretation channel: audio only, from the layout page that plays only that
 * channel's `interpretation:<lang>` tracks (so a handover between interpreters stays one file). */
export async function startChannelEgress(roomName: string, key: string, storage: StorageKind, locale: Locale, forumId: string, channel: Locale): Promise<string> {
  const file = fileOutput(key, storage);
  const info = await callEgress((e) => e.startRoomCompositeEgress(roomName, { file }, { audioOnly: true, customBaseUrl: layoutUrl(locale, forumId, channel) }));
  return info.egressId;
}
