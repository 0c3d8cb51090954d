// Sends the meetings' mail after the change is committed: to the one person the change concerns,
// in their registration's language and zone. A failed mail is logged and never undoes the change.
import "server-only";
import { shownZones } from "@/lib/agenda/display-zones";
import { getEnv } from "@/lib/env";
import { pickText } from "@/lib/i18n/localized";
import { sendMail } from "@/lib/mail/transport";
import { meetingCalendar } from "./calendar";
import type { MeetingEvent, MeetingPerson } from "./data";
import { meetingMail, type MeetingMailKind } from "./mail";
import type { MeetingStatus } from "./rules";

export interface NotifiedMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
  note: string;
  status: MeetingStatus;
  sequence: number;
  updatedAt: Date;
}

/** How `to` reads `person`'s name: the Latin form for an English reader when there is one. */
function nameFor(person: MeetingPerson, to: MeetingPerson): string {
  return to.language === "en" && person.nameLatin ? person.nameLatin : person.name;
}

export async function notifyMeeting(kind: MeetingMailKind, m: NotifiedMeeting, event: MeetingEvent, to: MeetingPerson, from: MeetingPerson): Promise<void> {
  const locale = to.language;
  const base = getEnv().PUBLIC_BASE_URL;
  const other = nameFor(from, to);
  const eventTitle = pickText(event.title, locale);
  const content = meetingMail({
    kind,
    locale,
    name: nameFor(to, to),
    other,
    eventTitle,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeZone: to.timeZone,
    zones: shownZones(event.displayZones, locale),
    note: m.note,
    url: `${base}/${locale}/events/${event.slug}/meetings`,
  });
  const attach = kind === "accepted" || kind === "cancelled" || kind === "cancelledByOrganizer";
  const attachments = attach
    ? [{ filename: `meeting-${m.id}.ics`, contentType: "text/calendar; charset=utf-8", content: meetingCalendar(m, other, eventTitle, locale, base, event.timeZone) }]
    : undefined;
  try {
    await sendMail({ to: to.email, ...content, attachments });
  } catch (err) {
    console.error(`[mail] meeting ${m.id} (${kind}): could not send to ${to.email}:`, err);
  }
}
