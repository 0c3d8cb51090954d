// What an uploaded recording really is, from its first bytes: the name and the browser's
// Content-Type are the uploader's claims, the magic bytes are the file's. Only containers a
// browser's <video> plays are accepted: MP4 (ISO-BMFF) and WebM.

export type RecordingMimeType = "video/mp4" | "video/webm" | "audio/mp4";

export interface SniffedRecording {
  mimeType: RecordingMimeType;
  /** The usual extension for this content, with its dot. */
  extension: ".mp4" | ".webm" | ".m4a";
}

/** The file name extensions accepted for recordings, and the type each one names. */
export const RECORDING_EXTENSIONS = {
  ".mp4": "video/mp4",
  ".m4v": "video/mp4",
  ".webm": "video/webm",
  ".m4a": "audio/mp4",
} as const satisfies Record<string, RecordingMimeType>;

/** How many leading bytes `sniffRecording` wants to see; it needs fewer for MP4. */
export const SNIFF_BYTES = 256;

// HEIF and AVIF still images are ISO-BMFF with an ftyp box too, but they are pictures, not recordings.
const imageBrands = new Set(["heic", "heix", "heim", "heis", "hevc", "hevm", "hevs", "mif1", "msf1", "avif", "avis"]);

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

function sniffIsoBmff(head: Uint8Array): SniffedRecording | null {
  if (head.length < 12 || ascii(head.subarray(4, 8)) !== "ftyp") return null;
  // A real ftyp box holds at least its major brand and minor version.
  const boxSize = new DataView(head.buffer, head.byteOffset, 4).getUint32(0);
  const brand = ascii(head.subarray(8, 12));
  if (boxSize < 16 || imageBrands.has(brand)) return null;
  return brand === "M4A " ? { mimeType: "audio/mp4", extension: ".m4a" } : { mimeType: "video/mp4", extension: ".mp4" };
}

/** An EBML variable-length integer at `at`: an element id keeps its length marker, a size does not. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i];
  return { value, length };
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const DOC_TYPE_ID = 0x4282;

/** Reads the EBML header's DocType: "webm" is accepted, "matroska" (MKV) is not playable everywhere. */
function sniffWebm(head: Uint8Array): SniffedRecording | null {
  if (!EBML_MAGIC.every((b, i) => head[i] === b)) return null;
  const header = readVint(head, 4, false);
  if (!header) return null;
  const end = Math.min(head.length, 4 + header.length + header.value);
  for (let at = 4 + header.length; at < end;) {
    const id = readVint(head, at, true);
    const size = id && readVint(head, at + id.length, false);
    if (!id || !size) return null;
    const dataAt = at + id.length + size.length;
    if (id.value === DOC_TYPE_ID) {
      if (dataAt + size.value > head.length) return null;
      const docType = ascii(head.subarray(dataAt, dataAt + size.value)).replace(/\0+$/, "");
      return docType === "webm" ? { mimeType: "video/webm", extension: ".webm" } : null;
    }
    at = dataAt + size.value;
  }
  return null;
}

/** The recording type of a file from its first bytes (`SNIFF_BYTES` of them), or null when it is none we play. */
export function sniffRecording(head: Uint8Array): SniffedRecording | null {
  return sniffIsoBmff(head) ?? sniffWebm(head);
}

/**
 * Whether the file's name agrees with its content. It compares containers, not exact types: an
 * `.m4a` whose major brand is `isom` is still an MP4 file, and so is an `.mp4` branded `M4A `.
 */
export function extensionMatches(fileName: string, sniffed: SniffedRecording): boolean {
  const dot = fileName.lastIndexOf(".");
  const extension = dot < 0 ? "" : fileName.slice(dot).toLowerCase();
  const named: RecordingMimeType | undefined = RECORDING_EXTENSIONS[extension as keyof typeof RECORDING_EXTENSIONS];
  if (!named) return false;
  return named === "video/webm" ? sniffed.mimeType === "video/webm" : sniffed.mimeType !== "video/webm";
}
