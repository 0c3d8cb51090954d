// Query-string input of the public agenda pages and feeds.
import { z } from "@/lib/zod";
import { locales } from "@/lib/i18n/routing";

export const langSchema = z.enum(locales);

export const calendarQuerySchema = z.object({ lang: langSchema.default("en") });

export const agendaFiltersSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  forum: z.string().max(100).optional().catch(undefined),
  lang: langSchema.optional().catch(undefined),
  now: z.string().optional().catch(undefined),
});

/** Picks the first value of each query parameter, as Next passes string | string[]. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export type AgendaFilters = z.infer<typeof agendaFiltersSchema>;

/** The query parameters that filter the agenda: a request with any of them is rendered for it
 * (next.config.js sends it to the filtered page); without them the cached page answers. */
export const AGENDA_FILTER_KEYS = ["day", "forum", "lang", "now"] as const;
