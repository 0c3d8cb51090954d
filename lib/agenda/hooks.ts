// What other features do after the agenda changes, without the agenda importing them (they depend
// on it, so it may not depend on them). Each registers at boot (instrumentation.ts, and the tests
// that need it) under a fixed key, so registering again replaces rather than doubles. The agenda
// runs them in this process right after its write commits, as a direct call would: each instance
// runs the hooks of the changes it made itself. A hook's failure is logged; the change stands.
// On globalThis: instrumentation, route handlers and server actions may be bundled apart, and all
// must see one registry.
import "server-only";

export interface AgendaChanges {
  /** Live control changed the statuses of a forum's sessions. */
  forumLiveChanged: { forumId: string };
  /** An event was hidden from the public site. */
  eventUnpublished: { eventId: string };
}

type Name = keyof AgendaChanges;
type Hook<N extends Name> = (change: AgendaChanges[N]) => unknown;

const holder = globalThis as unknown as { plenaryAgendaHooks?: Map<Name, Map<string, Hook<never>>> };
const hooks = (holder.plenaryAgendaHooks ??= new Map());

export function onAgendaChange<N extends Name>(name: N, key: string, hook: Hook<N>): void {
  const named = hooks.get(name) ?? new Map();
  named.set(key, hook);
  hooks.set(name, named);
}

/** Starts every hook of `name` without waiting for the asynchronous ones. */
export function afterAgendaChange<N extends Name>(name: N, change: AgendaChanges[N]): void {
  for (const [key, hook] of (hooks.get(name) ?? new Map()) as Map<string, Hook<N>>) {
    const failed = (err: unknown) => console.error(`[agenda] ${key} after ${name} failed`, err);
    try {
      const result = hook(change);
      if (result instanceof Promise) result.catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}
