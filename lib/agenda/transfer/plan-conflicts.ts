// The conflict rules over the agenda an import would leave: every created or changed session
// must be free of conflicts (as the editor demands of each save); sessions the file leaves as
// they are only count against it for conflicts the import would newly cause. Pure.
import { frameConflicts, personKey, type AgendaFrame, type Block, type Conflict, type Slot } from "@/lib/agenda/conflicts";
import type { Directory, StoredAgenda, StoredSession } from "./model";
import type { PlannedForum, PlannedSession } from "./plan";
import type { Problem } from "./report";

const storedSlot = (forumId: string, s: StoredSession): Slot => ({
  id: s.id,
  forumId,
  title: s.title,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  people: s.speakers.map((p) => ({ key: personKey(p.userId, p.name), name: p.name, role: p.role })),
});

function currentFrame(agenda: StoredAgenda): AgendaFrame {
  return {
    event: agenda.event,
    forums: agenda.forums.map((f) => ({ id: f.id, title: f.title, startsAt: f.startsAt, endsAt: f.endsAt })),
    sessions: agenda.forums.flatMap((f) => f.sessions.map((s) => storedSlot(f.id, s))),
  };
}

const forumId = (slug: string, agenda: StoredAgenda) => agenda.forums.find((f) => f.slug === slug)?.id ?? `new-forum:${slug}`;
const sessionId = (s: PlannedSession) => s.stored?.id ?? `new-session:${s.row}`;

function resultingFrame(agenda: StoredAgenda, forums: PlannedForum[], sessions: PlannedSession[], directory: Directory, emails: Map<string, string>): AgendaFrame {
  const blocks = new Map<string, Block>(agenda.forums.map((f) => [f.id, { id: f.id, title: f.title, startsAt: f.startsAt, endsAt: f.endsAt }]));
  for (const f of forums) blocks.set(forumId(f.slug, agenda), { id: forumId(f.slug, agenda), title: f.title, startsAt: f.startsAt, endsAt: f.endsAt });
  const replaced = new Set(sessions.map(sessionId));
  const slots = currentFrame(agenda).sessions.filter((s) => !replaced.has(s.id));
  for (const s of sessions) {
    const id = forumId(s.forumSlug, agenda);
    if (!blocks.has(id)) continue;
    const people = s.speakers.map((p) => {
      const name = p.userId ? (directory.people.get(emails.get(p.userId) ?? "")?.name ?? p.name) : p.name;
      return { key: personKey(p.userId, name), name, role: p.role };
    });
    slots.push({ id: sessionId(s), forumId: id, title: s.fields.title, startsAt: s.startsAt, endsAt: s.endsAt, people });
  }
  return { event: agenda.event, forums: [...blocks.values()], sessions: slots };
}

export function importConflicts(agenda: StoredAgenda, forums: PlannedForum[], sessions: PlannedSession[], directory: Directory, emails: Map<string, string>): Problem[] {
  const before = new Map(frameConflicts(currentFrame(agenda)).map((r) => [r.sessionId, new Set(r.conflicts.map((c) => JSON.stringify(c)))]));
  const planned = new Map(sessions.map((s) => [sessionId(s), s]));
  const changed = new Set(sessions.filter((s) => s.action !== "unchanged").map(sessionId));
  const titles = new Map(agenda.forums.flatMap((f) => f.sessions.map((s) => [s.id, s.title])));
  const problems: Problem[] = [];
  for (const { sessionId: id, conflicts } of frameConflicts(resultingFrame(agenda, forums, sessions, directory, emails))) {
    const own = planned.get(id);
    const fresh = (c: Conflict) => changed.has(id) || !before.get(id)?.has(JSON.stringify(c));
    for (const conflict of conflicts.filter(fresh)) {
      if (own) {
        problems.push({ row: own.row, column: "starts_at", message: "conflict", conflict });
        continue;
      }
      // A clash with a session of the file is already reported on that session's row.
      if ("sessionId" in conflict && changed.has(conflict.sessionId)) continue;
      problems.push({ row: null, column: null, message: "conflict", conflict, session: titles.get(id) });
    }
  }
  return problems;
}
