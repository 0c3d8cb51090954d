// HTTP Range requests for the recording media route (RFC 9110 §14). Only single byte ranges are
// served: a player asks for one range at a time, and multipart/byteranges buys nothing here.

export type RangeRequest = { kind: "none" } | { kind: "range"; start: number; end: number } | { kind: "unsatisfiable" };

/** More range-specs than any player sends: a header past this is abuse, answered with the whole file. */
const MAX_RANGES = 100;

const NONE: RangeRequest = { kind: "none" };
const specPattern = /^(\d*)[ \t]*-[ \t]*(\d*)$/;

type Spec = { first: number; last: number | null } | { suffix: number };

function toInt(digits: string): number | null {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

/** One range-spec, or null when it is not valid syntax (which voids the whole header). */
function parseSpec(text: string): Spec | null {
  const m = specPattern.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = toInt(m[2]);
    return suffix === null ? null : { suffix };
  }
  const first = toInt(m[1]);
  const last = m[2] === "" ? null : toInt(m[2]);
  // RFC 9110 §14.1.1: last-pos below first-pos makes the range-spec invalid, not unsatisfiable.
  if (first === null || (m[2] !== "" && (last === null || last < first))) return null;
  return { first, last };
}

/** The inclusive byte span a spec selects from `size` bytes, or null when it selects none. */
function satisfy(spec: Spec, size: number): { start: number; end: number } | null {
  if (size === 0) return null;
  if ("suffix" in spec) return spec.suffix === 0 ? null : { start: Math.max(0, size - spec.suffix), end: size - 1 };
  if (spec.first >= size) return null;
  return { start: spec.first, end: Math.min(spec.last ?? size - 1, size - 1) };
}

/**
 * Reads a `Range` header against a representation of `size` bytes. A header this server does not
 * understand (another unit, bad syntax, absurd size) is ignored — the RFC's answer is a 200 with
 * the whole file. Of several ranges, the first satisfiable one is served alone as a 206, which
 * the RFC allows a server to do instead of a multipart answer.
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return NONE;
  const eq = header.indexOf("=");
  if (eq < 0 || header.slice(0, eq).trim().toLowerCase() !== "bytes") return NONE;
  // A list may carry empty elements ("0-1, ,5-6"); RFC 9110 §5.6.1 asks recipients to skip them.
  const parts = header
    .slice(eq + 1)
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0 || parts.length > MAX_RANGES) return NONE;
  const specs: Spec[] = [];
  for (const part of parts) {
    const spec = parseSpec(part);
    if (!spec) return NONE;
    specs.push(spec);
  }
  for (const spec of specs) {
    const span = satisfy(spec, size);
    if (span) return { kind: "range", ...span };
  }
  return { kind: "unsatisfiable" };
}

/** The `Content-Range` of a 206 answer. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** The `Content-Range` of a 416 answer, telling the client the current size. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}
