// Which files may be uploaded as materials: known extensions whose first bytes prove the content.
// The stored type comes from this table, never from the browser's guess.
export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;

/** How many leading bytes the sniffing looks at. */
export const SNIFF_BYTES = 4096;

type Container = "pdf" | "ooxml" | "ole" | "odf" | "text" | "png" | "jpeg" | "zip";

export interface MaterialType {
  extension: string;
  mimeType: string;
  container: Container;
}

const types: MaterialType[] = [
  { extension: "pdf", mimeType: "application/pdf", container: "pdf" },
  { extension: "pptx", mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", container: "ooxml" },
  { extension: "docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", container: "ooxml" },
  { extension: "xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", container: "ooxml" },
  { extension: "ppt", mimeType: "application/vnd.ms-powerpoint", container: "ole" },
  { extension: "doc", mimeType: "application/msword", container: "ole" },
  { extension: "xls", mimeType: "application/vnd.ms-excel", container: "ole" },
  { extension: "odp", mimeType: "application/vnd.oasis.opendocument.presentation", container: "odf" },
  { extension: "odt", mimeType: "application/vnd.oasis.opendocument.text", container: "odf" },
  { extension: "txt", mimeType: "text/plain; charset=utf-8", container: "text" },
  { extension: "md", mimeType: "text/markdown; charset=utf-8", container: "text" },
  { extension: "png", mimeType: "image/png", container: "png" },
  { extension: "jpg", mimeType: "image/jpeg", container: "jpeg" },
  { extension: "jpeg", mimeType: "image/jpeg", container: "jpeg" },
  { extension: "zip", mimeType: "application/zip", container: "zip" },
];

export const allowedExtensions = types.map((t) => t.extension);

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** The type a file name claims, or null when its extension is not allowed. */
export function typeForFileName(fileName: string): MaterialType | null {
  return types.find((t) => t.extension === extensionOf(fileName)) ?? null;
}

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The media type an OpenDocument file names in its first, stored "mimetype" entry (ODF 1.2 §3.3). */
function odfMimeType(head: Uint8Array): string | null {
  if (!startsWith(head, ZIP_LOCAL) || !startsWith(head, ascii("mimetype"), 30)) return null;
  const size = head[18] | (head[19] << 8);
  const extra = head[28] | (head[29] << 8);
  const from = 38 + extra;
  if (size === 0 || size > 200 || head.length < from + size) return null;
  return new TextDecoder().decode(head.subarray(from, from + size));
}

/** UTF-8 text without NULs or control characters other than tab, newlines and form feed. */
function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  // A multi-byte character may be cut at the end of the sniffed window: drop up to 3 bytes there.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let text: string | null = null;
  for (let cut = 0; cut <= (complete ? 0 : 3) && text === null; cut++) {
    try {
      text = decoder.decode(head.subarray(0, head.length - cut));
    } catch {
      text = null;
    }
  }
  return text !== null && !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** Whether the first bytes of a file are what its extension says. `complete`: `head` is the whole file. */
export function contentMatches(type: MaterialType, head: Uint8Array, complete = false): boolean {
  switch (type.container) {
    case "pdf":
      return startsWith(head, ascii("%PDF-"));
    case "png":
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpeg":
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case "ole":
      return startsWith(head, OLE);
    case "odf":
      return odfMimeType(head) === type.mimeType;
    case "ooxml":
      // OOXML does not fix the order of its parts; an OpenDocument file is not one.
      return startsWith(head, ZIP_LOCAL) && odfMimeType(head) === null;
    case "zip":
      return startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY);
    case "text":
      return looksLikeText(head, complete);
  }
}
