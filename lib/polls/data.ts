// Reads of a session's polls for one viewer: drafts and live results for organizers, launched
// polls for everyone else with results once revealed; each viewer's own answer. Counts come from
// the votes themselves (one row per person), so they are exact whatever the concurrency.
import "server-only";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { QaAccess } from "@/lib/qa/access";
import { closesAt, effectiveStatus, seesPoll, seesResults, type PollOption } from "./rules";
import type { PollList, PollView } from "./view";

export const pollSelect = { id: true, sessionId: true, question: true, options: true, multiple: true, timerSeconds: true, status: true, revealed: true, openedAt: true } as const;

export function toOptions(value: unknown): PollOption[] {
  return (value as { id: string; label: unknown }[]).map((o) => ({ id: o.id, label: toLocalized(o.label) }));
}

/** Votes per option and voters of each poll, counted in PostgreSQL. */
async function countVotes(pollIds: string[]) {
  if (!pollIds.length) return { perOption: new Map<string, number>(), voters: new Map<string, number>() };
  const [perOption, voters] = await Promise.all([
    db.$queryRaw<{ poll_id: string; choice: string; n: number }[]>`
      SELECT v.poll_id, c.choice, count(*)::int AS n FROM poll_votes v CROSS JOIN LATERAL unnest(v.choices) AS c(choice)
      WHERE v.poll_id = ANY(${pollIds}) GROUP BY v.poll_id, c.choice`,
    db.pollVote.groupBy({ by: ["pollId"], where: { pollId: { in: pollIds } }, _count: { _all: true } }),
  ]);
  return { perOption: new Map(perOption.map((r) => [`${r.poll_id}:${r.choice}`, r.n])), voters: new Map(voters.map((r) => [r.pollId, r._count._all])) };
}

type Row = { id: string; question: unknown; options: unknown; multiple: boolean; timerSeconds: number | null; status: "draft" | "open" | "closed"; revealed: boolean; openedAt: Date | null };

async function toViews(rows: Row[], organizer: boolean, userId: string, now: Date): Promise<PollView[]> {
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([countVotes(ids), db.pollVote.findMany({ where: { pollId: { in: ids }, userId }, select: { pollId: true, choices: true } })]);
  const mineBy = new Map(mine.map((m) => [m.pollId, m.choices]));
  return rows.map((r) => {
    const status = effectiveStatus(r, now);
    const options = toOptions(r.options);
    const end = status === "open" ? closesAt(r) : null;
    return {
      id: r.id,
      question: toLocalized(r.question),
      options,
      multiple: r.multiple,
      timerSeconds: r.timerSeconds,
      status,
      revealed: r.revealed,
      closesAt: end ? end.toISOString() : null,
      mine: mineBy.get(r.id) ?? [],
      results: seesResults(organizer, { status, revealed: r.revealed })
        ? { counts: options.map((o) => ({ optionId: o.id, count: counts.perOption.get(`${r.id}:${o.id}`) ?? 0 })), voters: counts.voters.get(r.id) ?? 0 }
        : null,
    };
  });
}

/** The session's polls as the viewer may see them, in the organizers' order. */
export async function getPollList(access: QaAccess, now = new Date()): Promise<PollList> {
  const organizer = !!access.organizer;
  const rows = await db.poll.findMany({
    where: { sessionId: access.session.id, ...(organizer ? {} : { status: { not: "draft" } }) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: pollSelect,
  });
  const polls = await toViews(
    rows.filter((r) => seesPoll(organizer, r.status)),
    organizer,
    access.viewer.userId,
    now,
  );
  return { sessionId: access.session.id, eventSlug: access.eventSlug, viewer: { organizer }, serverNow: now.toISOString(), polls };
}

/** Every poll of a session of the organizer's event, drafts included, for the agenda editor (the
 * session need not be published yet). */
export async function getEditorPolls(organizer: OrganizerAccess, sessionId: string, now = new Date()): Promise<PollView[]> {
  const session = await db.session.findFirst({ where: { id: sessionId, forum: { eventId: organizer.eventId } }, select: { id: true } });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  const rows = await db.poll.findMany({ where: { sessionId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: pollSelect });
  return toViews(rows, true, organizer.actor.userId, now);
}
