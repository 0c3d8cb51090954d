// The audit log: who did what to which record, when. Written in the same transaction as the change.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  eventId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

export async function audit(tx: Tx, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length) await tx.auditLog.createMany({ data: list.map((e) => ({ ...e, data: e.data ?? {} })) });
}

/** An organizer's action on a record of their event (the OrganizerAccess carries both). */
export function organizerEntry(organizer: { eventId: string; actor: { userId: string } }, action: string, entityType: string, entityId: string, data?: Prisma.InputJsonValue): AuditEntry {
  return { eventId: organizer.eventId, actorId: organizer.actor.userId, action, entityType, entityId, data };
}
