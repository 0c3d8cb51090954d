// What every server action answers, shared with the client components that read it: the data, or
// the message key of what went wrong and the details its error carries. Pure, so a client leaf
// may import it.
import type { AppErrorDetails } from "@/lib/errors";

/** Invalid input names each field at fault with its own message key ("title.en" → "tooLong"). */
export type ActionDetails = AppErrorDetails[keyof AppErrorDetails] | { fields: Record<string, string> };

export type ActionFailure = { ok: false; error: string; details?: ActionDetails };

export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;

/** A form's state under useActionState: null until its first answer. A form that comes back
 * filled carries what was typed (`values`) and counts its answers (`attempt`, to key a reset on). */
export type FormResult<T = null> = (ActionResult<T> & { values?: Record<string, string | string[]>; attempt?: number }) | null;

/** The refusal of a form whose fields are at fault: each field's message key. */
export function invalidFields(fields: Record<string, string>): ActionFailure {
  return { ok: false, error: "invalidInput", details: { fields } };
}

/** The key of a refusal that is not about one field (fields have their own). */
export function formErrorOf(result: FormResult<unknown>): string | undefined {
  return result && !result.ok && !Object.keys(fieldErrorsOf(result)).length ? result.error : undefined;
}

/** What was typed in a one-line field of a form that came back. */
export function typedValue(result: FormResult<unknown>, name: string): string | undefined {
  const value = result?.values?.[name];
  return typeof value === "string" ? value : undefined;
}

/** Each invalid field's message key, from a failed answer ({} otherwise). */
export function fieldErrorsOf(result: FormResult<unknown>): Record<string, string> {
  return result && !result.ok && result.details && "fields" in result.details ? result.details.fields : {};
}
