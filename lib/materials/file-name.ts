// File names from uploads, made safe to keep and to send back in Content-Disposition.

/** The last path segment, without control, reserved or bidi-override characters, at most 180 characters. */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned.length <= 180) return cleaned;
  // Keep the extension when shortening: the type check depends on it.
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return [...cleaned.slice(0, cleaned.length - ext.length)].slice(0, 180 - ext.length).join("") + ext;
}

/** RFC 5987 encoding: percent-encode everything but attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback for old
 * clients, the exact name for the rest. */
export function contentDisposition(fileName: string): string {
  const name = sanitizeFileName(fileName) || "download";
  // Per character, so "é" becomes "e" but a Hangul syllable one "_" (not its decomposed jamo).
  const fallback = [...name]
    .map((c) => c.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""))
    .map((c) => (/^[\x20-\x7e]+$/.test(c) && !/["\\%;]/.test(c) ? c : "_"))
    .join("");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
