// Small pure helpers of the editor: keys from titles, and field-by-field differences for the
// audit log and for the "someone else saved first" comparison.
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
}

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Top-level fields whose values differ (deep, by JSON), with both values. */
export function diffInputs<T extends object>(before: T | null, after: T): FieldChanges {
  const out: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const a = before ? before[key] : undefined;
    if (JSON.stringify(a) !== JSON.stringify(after[key])) out[key] = { before: a ?? null, after: after[key] };
  }
  return out;
}
