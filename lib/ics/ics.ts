// A small RFC 5545 writer: CRLF line ends, content lines folded at 75 octets (never inside a
// UTF-8 sequence), TEXT values escaped, instants in UTC.

export interface IcsEvent {
  uid: string;
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  categories?: string[];
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
}

export interface IcsCalendar {
  name: string;
  timeZone?: string;
  events: IcsEvent[];
}

const PRODID = "-//Plenary//Conference Agenda//EN";

/** TEXT escaping of RFC 5545 §3.3.11: every line break (CRLF, a bare CR or LF) becomes `\n`;
 * other control characters, which TEXT may not hold (a bare CR would end the content line for a
 * parser), are dropped; horizontal tab is allowed. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** UTC DATE-TIME form, e.g. 20211122T003000Z. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Folds one content line: at most 75 octets per line, continuations start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${formatUtc(e.stamp)}`,
    `DTSTART:${formatUtc(e.start)}`,
    `DTEND:${formatUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
  lines.push(`STATUS:${e.status ?? "CONFIRMED"}`, "END:VEVENT");
  return lines;
}

export function buildCalendar(cal: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    ...(cal.timeZone ? [`X-WR-TIMEZONE:${cal.timeZone}`] : []),
    ...cal.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
