// What the editor's forms read from a failed answer: the clashes, the newer version someone saved
// first, the speaker row at fault. Pure, for the client forms.
import type { Conflict } from "@/lib/agenda/conflicts";
import type { FormResult } from "@/lib/http/action-result";

const detailsOf = (result: FormResult<unknown>) => (result && !result.ok ? result.details : undefined);

export function conflictsOf(result: FormResult<unknown>): Conflict[] | undefined {
  const details = detailsOf(result);
  return details && "conflicts" in details ? details.conflicts : undefined;
}

/** Someone saved first: their version and values (`T`, the form's input), to compare with the user's. */
export function staleOf<T>(result: FormResult<unknown>): { version: number; current: T } | undefined {
  const details = detailsOf(result);
  return details && "current" in details ? { version: details.version, current: details.current as T } : undefined;
}

export function rowOf(result: FormResult<unknown>): number | undefined {
  const details = detailsOf(result);
  return details && "index" in details ? details.index : undefined;
}
