// Storage keys of recording files. The key names its row, so an Egress report (whose request
// echoes the file path) can be matched to the row even before the egress id is known.
import type { Locale } from "@/lib/i18n/routing";

export const stageKey = (recordingId: string) => `recordings/${recordingId}/stage.mp4`;
export const audioKey = (recordingId: string, channel: Locale, audioId: string) => `recordings/${recordingId}/channel-${channel}-${audioId}.mp4`;
export const uploadKey = (recordingId: string, extension: string) => `recordings/${recordingId}/upload${extension}`;

const stagePattern = /recordings\/([0-9a-f-]{36})\/stage\.mp4$/;
const audioPattern = /recordings\/([0-9a-f-]{36})\/channel-(ko|zh|en)-([0-9a-f-]{36})\.mp4$/;

/** The row a file path (absolute, or a bucket key) belongs to. */
export function rowOfFilePath(filepath: string): { kind: "stage"; recordingId: string } | { kind: "audio"; recordingId: string; audioId: string } | null {
  const stage = stagePattern.exec(filepath);
  if (stage) return { kind: "stage", recordingId: stage[1] };
  const audio = audioPattern.exec(filepath);
  if (audio) return { kind: "audio", recordingId: audio[1], audioId: audio[3] };
  return null;
}
