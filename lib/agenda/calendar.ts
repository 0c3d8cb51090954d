// Agenda → RFC 5545 calendars, titles in the requested language.
import { buildCalendar, type IcsEvent } from "@/lib/ics/ics";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { Agenda, AgendaForum, AgendaSession } from "./types";

function speakerLine(s: AgendaSession, lang: Locale): string {
  return s.speakers
    .map((sp) => {
      const name = lang === "en" && sp.nameLatin ? sp.nameLatin : sp.name;
      return sp.organization ? `${name} (${pickText(sp.organization.name, lang)})` : name;
    })
    .join(", ");
}

function toIcsEvent(agenda: Agenda, forum: AgendaForum, s: AgendaSession, lang: Locale, baseUrl: string): IcsEvent {
  const url = `${baseUrl}/${lang}/sessions/${s.id}`;
  const speakers = speakerLine(s, lang);
  return {
    uid: `${s.id}@plenary`,
    sequence: s.sequence,
    stamp: s.updatedAt,
    start: s.startsAt,
    end: s.endsAt,
    summary: pickText(s.title, lang),
    description: [pickText(s.abstract, lang), speakers, url].filter(Boolean).join("\n\n"),
    location: `${pickText(forum.title, lang)} · ${pickText(agenda.event.title, lang)}`,
    url,
    categories: [pickText(forum.title, lang)],
  };
}

/** `extra`: entries beside the agenda's sessions (a person's own feed adds their meetings). */
export function agendaCalendar(agenda: Agenda, lang: Locale, baseUrl: string, extra: IcsEvent[] = []): string {
  return buildCalendar({
    name: pickText(agenda.event.title, lang),
    timeZone: agenda.event.timeZone,
    events: [...agenda.forums.flatMap((f) => f.sessions.map((s) => toIcsEvent(agenda, f, s, lang, baseUrl))), ...extra],
  });
}

export function sessionCalendar(agenda: Agenda, forum: AgendaForum, s: AgendaSession, lang: Locale, baseUrl: string): string {
  return buildCalendar({
    name: pickText(s.title, lang),
    timeZone: agenda.event.timeZone,
    events: [toIcsEvent(agenda, forum, s, lang, baseUrl)],
  });
}
