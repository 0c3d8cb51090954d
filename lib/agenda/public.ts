// The published agenda as the public site serves it (the agenda page and GET /api/events/{slug}/agenda):
// each event's is read once and kept for a second per app instance, with its JSON already
// written, so a burst of readers costs the database nothing. A change shows at once on the
// instance that made it (publish, unpublish and the run sheet forget it here), within a second
// on the others, and a session's status at once everywhere inside the Next server (the live bus
// carries every status change to every instance).
import "server-only";
import { liveBus } from "@/lib/agenda/live/bus";
import { getAgendaOrThrow } from "./data";
import { agendaToJson } from "./serialize";
import type { Agenda } from "./types";

const TTL_MS = 1_000;

export interface PublicAgenda {
  agenda: Agenda;
  /** The JSON API's body, as agendaToJson writes it. */
  json: string;
}

interface Kept {
  entries: Map<string, { until: number; value: Promise<PublicAgenda> }>;
  following: boolean;
}

// Route handlers, pages and server actions may be bundled apart: one store per process.
const holder = globalThis as unknown as { plenaryPublicAgendas?: Kept };
const kept = (holder.plenaryPublicAgendas ??= { entries: new Map(), following: false });

/** Status changes from any instance forget that event's agenda; a reconnect forgets them all. */
function followLiveStatuses() {
  // Only in the running server: tests and scripts call the domain directly and start no listener.
  if (kept.following || !process.env.NEXT_RUNTIME) return;
  kept.following = true;
  liveBus().subscribe((signal) => {
    // Questions and polls are not part of the agenda.
    if (signal.kind !== "qa") forgetPublicAgendas(signal.kind === "message" ? signal.message.eventSlug : undefined);
  });
}

/** The published agenda of event `slug` (NOT_FOUND as getAgendaOrThrow, never kept). */
export function getPublicAgenda(slug: string): Promise<PublicAgenda> {
  followLiveStatuses();
  const now = Date.now();
  const hit = kept.entries.get(slug);
  if (hit && hit.until > now) return hit.value;
  const value = getAgendaOrThrow(slug).then((agenda) => ({ agenda, json: JSON.stringify(agendaToJson(agenda)) }));
  // Readers arriving while it is read share the one query; a failure is not kept.
  kept.entries.set(slug, { until: now + TTL_MS, value });
  value.catch(() => {
    if (kept.entries.get(slug)?.value === value) kept.entries.delete(slug);
  });
  return value;
}

/** Forgets event `slug`'s kept agenda, or every one (when the slug is not at hand). */
export function forgetPublicAgendas(slug?: string) {
  if (slug === undefined) kept.entries.clear();
  else kept.entries.delete(slug);
}
