// The public JSON shape of GET /api/events/{slug}/agenda (a DESIGN.md contract).
import type { Agenda } from "./types";

export function agendaToJson(agenda: Agenda) {
  const { event } = agenda;
  return {
    event: {
      slug: event.slug,
      title: event.title,
      timeZone: event.timeZone,
      displayZones: event.displayZones.map((z) => z.zone),
      languages: event.languages,
      hostCountries: event.hostCountries,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
    },
    forums: agenda.forums.map((f) => ({
      id: f.id,
      slug: f.slug,
      title: f.title,
      startsAt: f.startsAt.toISOString(),
      endsAt: f.endsAt.toISOString(),
      sessions: f.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        language: s.language,
        status: s.status,
        speakers: s.speakers.map((sp) => ({
          name: sp.name,
          nameLatin: sp.nameLatin,
          organization: sp.organization ? { key: sp.organization.key, name: sp.organization.name } : null,
        })),
      })),
    })),
  };
}
