// Builders of small agendas for the unit tests of the pure agenda rules.
import type { Agenda, AgendaForum, AgendaSession, Speaker } from "./types";

export const text = (s: string) => ({ ko: s, zh: s, en: s });

export function session(id: string, start: string, end: string, extra: Partial<AgendaSession> = {}): AgendaSession {
  return {
    id,
    key: id,
    title: text(id),
    abstract: text(""),
    kind: "talk",
    language: "ko",
    startsAt: new Date(start),
    endsAt: new Date(end),
    status: "scheduled",
    sequence: 0,
    updatedAt: new Date(0),
    speakers: [],
    ...extra,
  };
}

export function speaker(name: string, extra: Partial<Speaker> = {}): Speaker {
  return { name, nameLatin: null, role: "speaker", bio: null, photoUrl: null, organization: null, ...extra };
}

export function forum(slug: string, position: number, sessions: AgendaSession[], block?: [string, string]): AgendaForum {
  return {
    id: slug,
    slug,
    title: text(slug),
    description: text(""),
    position,
    startsAt: block ? new Date(block[0]) : sessions[0].startsAt,
    endsAt: block ? new Date(block[1]) : sessions[sessions.length - 1].endsAt,
    hosts: [],
    sessions,
  };
}

export function agenda(forums: AgendaForum[]): Agenda {
  return {
    event: {
      id: "ev",
      slug: "ev",
      title: text("Event"),
      description: text(""),
      venue: text(""),
      hostCountries: ["KR", "CN"],
      languages: ["ko", "zh"],
      timeZone: "Asia/Seoul",
      displayZones: [],
      startsAt: new Date("2021-11-22T00:00:00Z"),
      endsAt: new Date("2021-11-23T12:00:00Z"),
    },
    forums,
  };
}
