// Subtitle uploads: WebVTT or SRT in, WebVTT out (the only format a <track> plays). Reading is
// forgiving where files in the wild differ (a missing index, "." or "," before the milliseconds,
// a cue that lost its blank line); anything that would make the output invalid is an error naming
// the line, so an organizer can fix the file rather than guess.

export interface Cue {
  startMs: number;
  endMs: number;
  /** The cue's text as written to the WebVTT: lines joined by "\n", markup kept. */
  text: string;
}

export type SubtitleErrorReason = "notSubtitles" | "badTimestamp" | "endBeforeStart" | "emptyCue" | "tooManyCues";

export type SubtitleResult = { ok: true; vtt: string; cues: Cue[] } | { ok: false; line: number; reason: SubtitleErrorReason; text: string };

export const MAX_CUES = 20_000;

type Format = "vtt" | "srt";
type ParsedCue = Cue & { settings: string };

const headerPattern = /^WEBVTT(?:[ \t].*)?$/;
const metadataBlock = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
const timingPattern = /^(\S+?)[ \t]*-->[ \t]*(\S+)(.*)$/;
const timestampPattern = /^(?:(\d{1,4}):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})$/;
// `region:` is dropped with the REGION blocks it would name.
const settingPattern = /^(?:vertical|line|position|size|align):\S+$/;
const knownTag = /<(?:\/?(?:b|i|u|c|v|lang|ruby|rt)(?:[.\s][^<>]*)?|(?:\d+:)?\d{2}:\d{2}\.\d{3})>/y;
const charRef = /&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);/y;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** `HH:MM:SS.mmm`, hours widening past 99 rather than wrapping. */
/** Cues as WebVTT cue blocks, each ended by a blank line (what follows the file's header). */
export function vttCues(cues: readonly (Cue & { settings?: string })[]): string {
  return cues.map((c) => `${formatVttTime(c.startMs)} --> ${formatVttTime(c.endMs)}${c.settings ? ` ${c.settings}` : ""}\n${c.text}\n\n`).join("");
}

export function formatVttTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor(whole / 60_000) % 60;
  const s = Math.floor(whole / 1000) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(whole % 1000, 3)}`;
}

function parseTimestamp(text: string): number | null {
  const m = timestampPattern.exec(text);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (min >= 60 || s >= 60) return null;
  return ((h * 60 + min) * 60 + s) * 1000 + Number(m[4].padEnd(3, "0"));
}

function parseTiming(line: string, format: Format): Omit<ParsedCue, "text"> | null {
  const m = timingPattern.exec(line.trim());
  if (!m) return null;
  const startMs = parseTimestamp(m[1]);
  const endMs = parseTimestamp(m[2]);
  if (startMs === null || endMs === null) return null;
  // SRT's trailing "X1:… Y2:…" coordinates mean nothing to a WebVTT player.
  const settings =
    format === "vtt"
      ? m[3]
          .trim()
          .split(/[ \t]+/)
          .filter((s) => settingPattern.test(s))
          .join(" ")
      : "";
  return { startMs, endMs, settings };
}

/** Escapes `<` and `&` that do not begin WebVTT markup, so SRT's plain "a < b" stays visible. */
function escapeCueText(line: string): string {
  return line.replace(/[<&]/g, (ch, at: number) => {
    const pattern = ch === "<" ? knownTag : charRef;
    pattern.lastIndex = at;
    return pattern.test(line) ? ch : ch === "<" ? "&lt;" : "&amp;";
  });
}

function cleanLine(line: string, format: Format): string {
  let text = line;
  if (format === "srt")
    text = text
      .replace(/<\/?font\b[^>]*>/gi, "")
      .replace(/\{\\[^}]*\}/g, "")
      .replace(/<(\/?)([BIU])>/g, (_, slash: string, tag: string) => `<${slash}${tag.toLowerCase()}>`);
  // "-->" inside cue text would end the cue for a WebVTT parser.
  return escapeCueText(text.replaceAll("-->", "→"));
}

const excerpt = (line: string | undefined) =>
  Array.from(line ?? "")
    .slice(0, 120)
    .join("");

/**
 * Reads an uploaded subtitle file. The content decides the format (a `WEBVTT` header); without
 * one, a `.vtt` name still selects WebVTT's rules (cue settings, NOTE blocks) for a header
 * forgotten by hand, and anything else is read as SRT. Cues come out sorted by start, stably.
 */
export function parseSubtitles(text: string, fileName: string): SubtitleResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const fail = (index: number, reason: SubtitleErrorReason): SubtitleResult => ({ ok: false, line: index + 1, reason, text: excerpt(lines[index]) });
  if (text.includes("\u0000") || !text.includes("-->")) return fail(0, "notSubtitles");
  const hasHeader = headerPattern.test(lines[0]);
  const format: Format = hasHeader || /\.vtt$/i.test(fileName.trim()) ? "vtt" : "srt";
  const blank = (k: number) => k >= lines.length || lines[k].trim() === "";
  const cues: ParsedCue[] = [];
  let i = 0;
  // The header block runs to the first blank line; a timing line there starts the first cue.
  if (hasHeader) for (i = 1; !blank(i) && !lines[i].includes("-->"); i++);
  while (i < lines.length) {
    if (blank(i)) {
      i++;
      continue;
    }
    if (format === "vtt" && metadataBlock.test(lines[i])) {
      while (!blank(i)) i++;
      continue;
    }
    // The timing is this line, or the next one after an index or cue identifier.
    const t = lines[i].includes("-->") || blank(i + 1) ? i : i + 1;
    const timing = parseTiming(lines[t], format);
    if (!timing) return cues.length === 0 && !lines[t].includes("-->") ? fail(0, "notSubtitles") : fail(t, "badTimestamp");
    // A cue that starts where it ends is never shown, and the WebVTT syntax forbids it.
    if (timing.endMs <= timing.startMs) return fail(t, "endBeforeStart");
    if (cues.length === MAX_CUES) return fail(t, "tooManyCues");
    const body: string[] = [];
    let k = t + 1;
    for (; !blank(k); k++) {
      if (lines[k].includes("-->") && parseTiming(lines[k], format)) {
        // The next cue follows without a blank line; a number just before it is its index.
        if (body.length > 0 && /^\d+$/.test(body[body.length - 1].trim())) {
          body.pop();
          k--;
        }
        break;
      }
      body.push(lines[k]);
    }
    const cleaned = body.map((line) => cleanLine(line, format)).filter((line) => line.trim() !== "");
    if (cleaned.length === 0) return fail(t, "emptyCue");
    cues.push({ ...timing, text: cleaned.join("\n") });
    i = k;
  }
  if (cues.length === 0) return fail(0, "notSubtitles");
  cues.sort((a, b) => a.startMs - b.startMs);
  return { ok: true, vtt: `WEBVTT\n\n${vttCues(cues)}`, cues: cues.map(({ startMs, endMs, text }) => ({ startMs, endMs, text })) };
}
