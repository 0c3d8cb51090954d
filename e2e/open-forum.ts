// Test-only database change for the room specs: the seeded conference is in 2021, so its rooms are
// closed to delegates. This moves one forum (block and sessions) to "now" in the latest agenda
// publication — what the session page and the token endpoint read — and puts it back afterwards.
import { test } from "@playwright/test";
import pg from "pg";

type Snapshot = { forums: { slug: string; startsAt: string; endsAt: string; sessions: { id: string; startsAt: string; endsAt: string }[] }[] };

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Moves forum `slug` to have started 5 minutes ago; resolves to the published snapshot (shifted)
 * and a function that restores the publication exactly as it was. */
export async function openForumNow(slug: string): Promise<{ snapshot: Snapshot; restore: () => Promise<void> }> {
  const [row] = await query<{ id: string; snapshot: Snapshot }>(
    `SELECT p.id, p.snapshot FROM agenda_publications p JOIN events e ON e.id = p.event_id WHERE e.slug = 'clean-sky-2021' ORDER BY p.version DESC LIMIT 1`,
  );
  const original = JSON.stringify(row.snapshot);
  const forum = row.snapshot.forums.find((f) => f.slug === slug)!;
  const delta = Date.now() - 5 * 60_000 - Date.parse(forum.startsAt);
  const shift = (iso: string) => new Date(Date.parse(iso) + delta).toISOString();
  Object.assign(forum, { startsAt: shift(forum.startsAt), endsAt: shift(forum.endsAt) });
  for (const s of forum.sessions) Object.assign(s, { startsAt: shift(s.startsAt), endsAt: shift(s.endsAt) });
  await query(`UPDATE agenda_publications SET snapshot = $1::jsonb WHERE id = $2`, [JSON.stringify(row.snapshot), row.id]);
  return { snapshot: row.snapshot, restore: async () => void (await query(`UPDATE agenda_publications SET snapshot = $1::jsonb WHERE id = $2`, [original, row.id])) };
}

/** For a spec file: forum `slug` is open from before its first test to after its last. Returns
 * the id of that forum's first session (read once the forum is open). */
export function forumOpenDuringSpec(slug: string): { firstSessionId(): string } {
  let restore: (() => Promise<void>) | null = null;
  let sessionId = "";
  test.beforeAll(async () => {
    const opened = await openForumNow(slug);
    restore = opened.restore;
    sessionId = opened.snapshot.forums.find((f) => f.slug === slug)!.sessions[0].id;
  });
  test.afterAll(async () => {
    await restore?.();
  });
  return { firstSessionId: () => sessionId };
}
