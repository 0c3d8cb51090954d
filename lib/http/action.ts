// The one way a server action runs: parse its input (zod), find the actor, authorize, call lib/,
// and answer an ActionResult. An AppError becomes its message key (a catalogue key) with its
// details, invalid input the key "invalidInput" with each field's key; anything else is thrown
// for Next.js to log, so a bug never reads as a refusal.
import "server-only";
import { getActor } from "@/lib/auth/current";
import { requireOrganizer, type Actor, type OrganizerAccess } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/zod";
import type { ActionFailure, ActionResult } from "./action-result";

export { invalidFields, type ActionFailure, type ActionResult, type FormResult } from "./action-result";

/** The key invalid input answers with: "invalidInput" unless an action names its own. */
export type InvalidKey = string | ((err: z.ZodError) => string);

/** The failure an error stands for; rethrows what is neither an AppError nor invalid input. */
export function actionFailure(err: unknown, invalid: InvalidKey = "invalidInput"): ActionFailure {
  if (err instanceof AppError) return { ok: false, error: err.message, ...(err.details ? { details: err.details } : {}) };
  if (err instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, error: typeof invalid === "string" ? invalid : invalid(err), details: { fields } };
  }
  throw err;
}

/** Runs `work` and answers its data, or the failure that stopped it. */
export async function runAction<T>(work: () => Promise<T>, invalid?: InvalidKey): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (err) {
    return actionFailure(err, invalid);
  }
}

/** An action of whoever is signed in (or no one: lib/ decides what an anonymous actor may do). */
export async function actorAction<S extends z.ZodType, T>(schema: S, raw: unknown, work: (input: z.output<S>, actor: Actor | null) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(async () => {
    const input = schema.parse(raw);
    return work(input, await getActor());
  });
}

/** An action of the event `slug`'s organizers: `work` runs with the checked access (and parses). */
export async function organizerAction<T>(slug: string, work: (access: OrganizerAccess) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(async () => work(await requireOrganizer(await getActor(), slug)));
}
