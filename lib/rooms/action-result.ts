// How the room's server actions answer: the result, or the message key of what went wrong for
// the room to say in the viewer's language. Unexpected errors are thrown (logged by Next).
import "server-only";
import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";

export type ActionResult<T = Record<never, never>> = ({ ok: true; error?: undefined } & T) | { ok?: undefined; error: string };

export async function runAction<T extends object = Record<never, never>>(fn: () => Promise<T | void>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...((await fn()) ?? ({} as T)) };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { error: "invalidInput" };
    throw err;
  }
}
