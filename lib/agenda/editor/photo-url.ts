// Which addresses a speaker's photo may have: one of our uploaded photos
// (/api/speaker-photos/{storage}/{eventId}/{file}), or an https address elsewhere. Nothing that a
// browser could read as another site (`//host`, `/\host`), nothing with spaces or control
// characters. Pure: unit-tested beside; the CSP lets pages load https images for these.

/** The file part of a photo's URL: a random id and the image's extension. */
export const photoFilePattern = /^[0-9a-f-]{36}\.(png|jpg)$/;

/** Where uploaded photos may be stored (lib/storage's kinds). */
export const photoStorageKinds = ["local", "s3"] as const;

const LOCAL = /^\/api\/speaker-photos\/(local|s3)\/[a-z0-9]+\/([^/]+)$/;

export function isAllowedPhotoUrl(value: string): boolean {
  if (value === "") return true;
  if (/[\s\\\u0000-\u001f\u007f]/.test(value)) return false;
  const local = LOCAL.exec(value);
  if (local) return photoFilePattern.test(local[2]);
  // A host right after the scheme: parsers read "https:///x" as the host "x", people would not.
  if (!/^https:\/\/[^/]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}
