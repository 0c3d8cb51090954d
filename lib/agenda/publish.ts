// Publishing: the draft agenda becomes the public one (a new publication), or the event is hidden.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDraftAgenda } from "./data";
import { afterAgendaChange } from "./hooks";
import { lockAgenda } from "./lock";
import { forgetPublicAgendas } from "./public";
import { assignSequences, diffAgendas, fromSnapshot, toSnapshot } from "./publication";
import type { Agenda } from "./types";

async function latestPublication(eventId: string) {
  return db.agendaPublication.findFirst({ where: { eventId }, orderBy: { version: "desc" } });
}

/** The published agenda as the organizer compares it with the draft (statuses irrelevant here). */
async function publishedAgenda(eventId: string): Promise<{ agenda: Agenda | null; version: number; publishedAt: Date | null }> {
  const latest = await latestPublication(eventId);
  return latest ? { agenda: fromSnapshot(latest.snapshot, new Map()), version: latest.version, publishedAt: latest.publishedAt } : { agenda: null, version: 0, publishedAt: null };
}

/** The organizer's view of publishing: is the event public, which version, what a publish would change. */
export async function getPublicationState(eventId: string) {
  const [draft, published, event] = await Promise.all([getDraftAgenda(eventId), publishedAgenda(eventId), db.event.findUniqueOrThrow({ where: { id: eventId }, select: { publishedAt: true } })]);
  return {
    isPublic: event.publishedAt !== null,
    version: published.version,
    publishedAt: published.publishedAt,
    // diffAgendas compares what a publication holds; live statuses are not among its fields.
    changes: diffAgendas(published.agenda, draft),
  };
}

/**
 * Publishes the draft as version n+1. The agenda is locked so two organizers publishing at once
 * produce two ordered versions, each compared with the one before it (SEQUENCE never skips back).
 */
export async function publishAgenda(eventId: string, actor: Actor | null, { now = new Date(), client = db }: { now?: Date; client?: PrismaClient } = {}): Promise<{ version: number }> {
  const published = await client.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const latest = await tx.agendaPublication.findFirst({ where: { eventId }, orderBy: { version: "desc" } });
    const draft = await getDraftAgenda(eventId, tx);
    const previous = latest ? fromSnapshot(latest.snapshot, new Map()) : null;
    const next = assignSequences(previous, draft, now);
    const version = (latest?.version ?? 0) + 1;
    await tx.agendaPublication.create({
      data: { eventId, version, snapshot: toSnapshot(next) as object, publishedAt: now, publishedById: actor?.userId ?? null },
    });
    await tx.event.update({ where: { id: eventId }, data: { publishedAt: now } });
    // Keep each session's row in step with the SEQUENCE it was published with (one statement).
    const published = next.forums.flatMap((f) => f.sessions);
    await tx.$executeRaw`
      UPDATE sessions SET sequence = v.sequence
      FROM unnest(${published.map((s) => s.id)}::text[], ${published.map((s) => s.sequence)}::int[]) AS v(id, sequence)
      WHERE sessions.id = v.id AND sessions.sequence <> v.sequence`;
    const changes = diffAgendas(previous, draft);
    await audit(tx, {
      eventId,
      actorId: actor?.userId ?? null,
      action: "agenda.published",
      entityType: "event",
      entityId: eventId,
      data: { version, changes: changes.length },
    });
    return { version };
  });
  forgetPublicAgendas();
  return published;
}

/** Hides the event from the public site; its publications stay for the next publish. */
export async function unpublishEvent(eventId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { publishedAt: null } });
    await audit(tx, { eventId, actorId: actor.userId, action: "agenda.unpublished", entityType: "event", entityId: eventId });
  });
  forgetPublicAgendas();
  // Its recordings' media stop at once on this instance too (lib/recordings/hooks.ts).
  afterAgendaChange("eventUnpublished", { eventId });
}
