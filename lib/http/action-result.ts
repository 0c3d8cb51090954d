// What every server action answers, shared with the client components that read it: the data, or
// the message key of what went wrong and the details its error carries. Types only, so a client
// leaf may import it.
import type { AppErrorDetails } from "@/lib/errors";

/** Invalid input names each field at fault with its own message key ("title.en" → "tooLong"). */
export type ActionDetails = AppErrorDetails[keyof AppErrorDetails] | { fields: Record<string, string> };

export type ActionFailure = { ok: false; error: string; details?: ActionDetails };

export type ActionResult<T = null> = { ok: true; data: T } | ActionFailure;
