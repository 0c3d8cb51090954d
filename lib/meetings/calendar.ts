// A meeting as an RFC 5545 entry, the same in both people's feeds and mail: one UID for its whole
// life, SEQUENCE from the row (raised by every change), STATUS:CANCELLED once called off.
import { buildCalendar, type IcsEvent } from "@/lib/ics/ics";
import type { Locale } from "@/lib/i18n/routing";
import type { MeetingStatus } from "./rules";

const summary: Record<Locale, (other: string) => string> = {
  ko: (o) => `1:1 면담: ${o}`,
  zh: (o) => `一对一会谈：${o}`,
  en: (o) => `One-to-one meeting: ${o}`,
};

export interface MeetingEntry {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  sequence: number;
  updatedAt: Date;
  note: string;
}

export function meetingIcsEvent(m: MeetingEntry, other: string, eventTitle: string, lang: Locale, baseUrl: string): IcsEvent {
  const url = `${baseUrl}/${lang}/meetings/${m.id}/live`;
  return {
    uid: `meeting-${m.id}@plenary`,
    sequence: m.sequence,
    stamp: m.updatedAt,
    start: m.startsAt,
    end: m.endsAt,
    summary: summary[lang](other),
    description: [m.note, url].filter(Boolean).join("\n\n"),
    location: eventTitle,
    url,
    status: m.status === "accepted" ? "CONFIRMED" : "CANCELLED",
  };
}

/** A one-entry calendar for a mail attachment. */
export function meetingCalendar(m: MeetingEntry, other: string, eventTitle: string, lang: Locale, baseUrl: string, timeZone: string): string {
  return buildCalendar({ name: summary[lang](other), timeZone, events: [meetingIcsEvent(m, other, eventTitle, lang, baseUrl)] });
}
