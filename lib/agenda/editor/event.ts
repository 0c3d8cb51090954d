// Organizers' edit of the event's own details (titles, period, zones, languages).
import "server-only";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { lockAgenda } from "@/lib/agenda/lock";
import type { Conflict } from "@/lib/agenda/conflicts";
import type { Actor, OrganizerAccess } from "@/lib/auth/session";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/time/zones";
import type { EventInput } from "./schema";
import { diffInputs } from "./values";

const eventSelect = {
  title: true,
  description: true,
  venue: true,
  timeZone: true,
  displayZones: true,
  startsAt: true,
  endsAt: true,
  languages: true,
  version: true,
} as const satisfies Prisma.EventSelect;

type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

export function toEventInput(row: EventRow): EventInput {
  return {
    version: row.version,
    title: toLocalized(row.title),
    description: toLocalized(row.description),
    venue: toLocalized(row.venue),
    timeZone: row.timeZone,
    displayZones: displayZonesOf(row),
    startsAt: utcToZonedLocal(row.startsAt, row.timeZone),
    endsAt: utcToZonedLocal(row.endsAt, row.timeZone),
    languages: row.languages,
  };
}

export async function getEventInput({ eventId }: OrganizerAccess): Promise<EventInput> {
  return toEventInput(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect }));
}

/** Saves the event's details; its period must still hold every forum block. */
export async function updateEvent(eventId: string, actor: Actor, input: EventInput): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect });
    if (before.version !== input.version) throw new AppError("CONFLICT", "eventChanged", { version: before.version, current: toEventInput(before) });
    // Times are entered in the (possibly new) home zone of the event.
    const startsAt = zonedLocalToUtc(input.startsAt, input.timeZone);
    const endsAt = zonedLocalToUtc(input.endsAt, input.timeZone);
    if (!startsAt || !endsAt) throw new AppError("BAD_REQUEST", "invalidTime");
    if (endsAt <= startsAt) throw new AppError("BAD_REQUEST", "conflicts", { conflicts: [{ type: "endBeforeStart" }] satisfies Conflict[] });
    const outside = await tx.forum.findMany({
      where: { eventId, OR: [{ startsAt: { lt: startsAt } }, { endsAt: { gt: endsAt } }] },
      select: { id: true, title: true },
    });
    if (outside.length)
      throw new AppError("BAD_REQUEST", "conflicts", {
        conflicts: outside.map((f): Conflict => ({ type: "forumOutside", forumId: f.id, title: toLocalized(f.title) })),
      });
    const after = await tx.event.update({
      where: { id: eventId },
      data: {
        title: input.title,
        description: input.description,
        venue: input.venue,
        timeZone: input.timeZone,
        displayZones: input.displayZones,
        startsAt,
        endsAt,
        languages: input.languages,
        version: { increment: 1 },
      },
      select: eventSelect,
    });
    const { version: _b, ...was } = toEventInput(before);
    const { version: _a, ...now } = toEventInput(after);
    await audit(tx, { eventId, actorId: actor.userId, action: "event.updated", entityType: "event", entityId: eventId, data: { changes: diffInputs(was, now) } as Prisma.InputJsonValue });
    return { version: after.version };
  });
}
