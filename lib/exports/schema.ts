// What every export takes besides its own filters: the console's language and the zone of its times.
import { locales } from "@/lib/i18n/routing";
import { isValidTimeZone } from "@/lib/time/zones";
import { z } from "@/lib/zod";

export const exportOptionsSchema = z.object({
  lang: z.enum(locales).catch("en"),
  /** Unset: the event's own zone. */
  tz: z.string().max(64).refine(isValidTimeZone).optional().catch(undefined),
});

export type ExportOptions = z.infer<typeof exportOptionsSchema>;
