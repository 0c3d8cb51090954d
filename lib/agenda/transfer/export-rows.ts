// The draft agenda → spreadsheet rows: one per session with its forum's cells repeated, and one
// forum-only row for a forum without sessions (so an export → import keeps it). Pure.
import { COLUMNS, type Cells } from "./columns";
import type { StoredAgenda, StoredForum, StoredSession, StoredSpeaker } from "./model";
import { formatLocalTime, roleColumns } from "./rows";
import { encodeSpeakers, type SpeakerEntry } from "./speaker-cells";

function entry(s: StoredSpeaker): SpeakerEntry {
  if (s.email) {
    // A person speaking for their own organisation needs no key: it follows their registration.
    const organizationKey = s.organizationKey && s.organizationKey !== s.homeOrganizationKey ? s.organizationKey : "";
    return { email: s.email, name: "", nameLatin: "", organizationKey };
  }
  return { email: null, name: s.name, nameLatin: s.nameLatin ?? "", organizationKey: s.organizationKey ?? "" };
}

function forumCells(f: StoredForum, zone: string): Partial<Cells> {
  return {
    forum_slug: f.slug,
    forum_title_ko: f.title.ko,
    forum_title_zh: f.title.zh,
    forum_title_en: f.title.en,
    forum_starts_at: formatLocalTime(f.startsAt, zone),
    forum_ends_at: formatLocalTime(f.endsAt, zone),
    time_zone: zone,
  };
}

function sessionCells(s: StoredSession, zone: string): Partial<Cells> {
  const cells: Partial<Cells> = {
    session_key: s.key,
    title_ko: s.title.ko,
    title_zh: s.title.zh,
    title_en: s.title.en,
    abstract_ko: s.abstract.ko,
    abstract_zh: s.abstract.zh,
    abstract_en: s.abstract.en,
    kind: s.kind,
    language: s.language,
    starts_at: formatLocalTime(s.startsAt, zone),
    ends_at: formatLocalTime(s.endsAt, zone),
  };
  for (const { role, column } of roleColumns) cells[column] = encodeSpeakers(s.speakers.filter((p) => p.role === role).map(entry));
  return cells;
}

const empty = (): Cells => Object.fromEntries(COLUMNS.map((c) => [c, ""])) as Cells;

export function toSheetRows(agenda: StoredAgenda): Cells[] {
  return agenda.forums.flatMap((f) =>
    f.sessions.length ? f.sessions.map((s) => ({ ...empty(), ...forumCells(f, agenda.zone), ...sessionCells(s, agenda.zone) })) : [{ ...empty(), ...forumCells(f, agenda.zone) }],
  );
}
