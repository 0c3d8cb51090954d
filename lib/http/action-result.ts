// What every server action answers, shared with the client components that read it: the data, or
// the message key of what went wrong and the details its error carries. Pure, so a client leaf
// may import it.
import type { AppErrorDetails } from "@/lib/errors";

/** Invalid input names each field at fault with its own message key ("title.en" → "tooLong"). */
export type ActionDetails = AppErrorDetails[keyof AppErrorDetails] | { fields: Record<string, string> };

export type ActionFailure = { ok: false; error: string; details?: ActionDetails };

export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;

/** A form's state under useActionState: null until its first answer. */
export type FormResult<T = null> = ActionResult<T> | null;

/** Each invalid field's message key, from a failed answer ({} otherwise). */
export function fieldErrorsOf(result: FormResult<unknown>): Record<string, string> {
  return result && !result.ok && result.details && "fields" in result.details ? result.details.fields : {};
}
