// Agenda changes of one event run one at a time: an edit's conflict checks and a publication's
// version number each depend on the agenda read inside the transaction, so none may commit beside
// another. The lock is the event's row, held until the commit; seat decisions take the same row
// (lib/registration/seats.ts), which only makes an edit and a registration wait for each other.
import "server-only";
import type { Tx } from "@/lib/db";

export async function lockAgenda(tx: Tx, eventId: string) {
  await tx.$queryRaw`SELECT id FROM events WHERE id = ${eventId} FOR UPDATE`;
}
