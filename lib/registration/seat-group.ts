// Group commit of seat decisions: registrations that arrive together are decided in ONE statement
// (register_seat called for each, in arrival order), so a burst for an event's last places
// commits once per group instead of once per person, and the event's lock is taken and released
// once. Each call of the (volatile) function sees what the calls before it wrote, so the group
// decides exactly as the same registrations would one after another: capacity is never exceeded
// and the waitlist keeps arrival order. A run never holds one person twice (their second
// registration must see the first committed); if a run's statement fails, each of its
// registrations is decided alone, so one failure answers only its own request.
import "server-only";
import { groupCommit, type Settled } from "@/lib/batching/group-commit";
import { db } from "@/lib/db";
import { registerSeat, type NewRegistration, type SeatDecision } from "./seats";

type Pending = NewRegistration & { id: string };

/** Consecutive runs in which no person registers twice for the same event. */
export function seatRunsOf<T extends { eventId: string; userId: string }>(items: T[]): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  const people = new Set<string>();
  for (const r of items) {
    const key = `${r.eventId}\n${r.userId}`;
    if (people.has(key)) {
      runs.push(run);
      run = [];
      people.clear();
    }
    run.push(r);
    people.add(key);
  }
  if (run.length) runs.push(run);
  return runs;
}

async function decideRun(run: Pending[]): Promise<SeatDecision["status"][]> {
  const input = run.map((r, n) => ({
    n,
    id: r.id,
    event_id: r.eventId,
    user_id: r.userId,
    role: r.role,
    invitation_id: r.invitationId,
    organization_id: r.organizationId,
    organization_other: r.organizationOther,
    country: r.country,
    language: r.preferredLanguage,
    time_zone: r.timeZone,
    accessibility_needs: r.accessibilityNeeds,
    recording_consent: r.recordingConsent,
    forum_ids: r.forumIds,
    audit_action: r.auditAction,
    now: r.now,
    requested_role: r.requestedRole,
    requested_organization_id: r.requestedOrganizationId,
    requested_organization_other: r.requestedOrganizationOther,
  }));
  // The ordered subquery feeds the calls one row at a time, in arrival order; events are taken in
  // one order (their ids) so two instances' groups cannot deadlock on two events' locks.
  const rows = await db.$queryRaw<{ n: number; status: SeatDecision["status"] }[]>`
    SELECT i.n, register_seat(i.id, i.event_id, i.user_id, i.role::"Role", i.invitation_id, i.organization_id,
      i.organization_other, i.country, i.language::"Language", i.time_zone, i.accessibility_needs,
      i.recording_consent, i.forum_ids, i.audit_action, i.now,
      i.requested_role::"Role", i.requested_organization_id, i.requested_organization_other) AS status
    FROM (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS t(n int, id text, event_id text, user_id text, role text,
        invitation_id text, organization_id text, organization_other text, country text, language text, time_zone text,
        accessibility_needs text, recording_consent boolean, forum_ids text[], audit_action text, now timestamptz,
        requested_role text, requested_organization_id text, requested_organization_other text)
      ORDER BY event_id, n OFFSET 0
    ) i`;
  const status = new Map(rows.map((r) => [r.n, r.status]));
  return run.map((_, n) => status.get(n)!);
}

const asDecision = (r: Pending, status: SeatDecision["status"]): SeatDecision =>
  status === "alreadyRegistered" || status === "declined" || status === "invitationOnly" ? { registrationId: null, status } : { registrationId: r.id, status };

async function decideGroup(items: Pending[]): Promise<Settled<SeatDecision>[]> {
  const settled: Settled<SeatDecision>[] = [];
  for (const run of seatRunsOf(items)) {
    const statuses =
      run.length > 1
        ? await decideRun(run).catch((err: unknown) => {
            console.warn(`registration: a group of ${run.length} seat decisions failed together, decided one by one`, err);
            return null;
          })
        : null;
    if (statuses) {
      settled.push(...run.map((r, i): Settled<SeatDecision> => ({ ok: true, value: asDecision(r, statuses[i]) })));
      continue;
    }
    for (const r of run)
      settled.push(
        await registerSeat(db, r, r.id).then(
          (value): Settled<SeatDecision> => ({ ok: true, value }),
          (error: unknown) => ({ ok: false, error }),
        ),
      );
  }
  return settled;
}

/** Decides a seat outside any transaction, together with the decisions that arrived with it;
 * answers once the statement that wrote it has committed. */
export const registerSeatGrouped: (r: Pending) => Promise<SeatDecision> = groupCommit(decideGroup);
