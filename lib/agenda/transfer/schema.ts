// What the transfer routes accept: the export's header language, the import's mode and file size.
import { z } from "@/lib/zod";
import { langSchema } from "@/lib/agenda/schema";

/** `?lang=ko|zh|en` gives localized headers; absent or empty gives the English keys. */
export const exportQuerySchema = z.object({
  lang: z.preprocess((v) => (v === "" || v === null ? undefined : v), langSchema.optional()),
});

/** "check" is the dry run: it reports and writes nothing. */
export const importModeSchema = z.enum(["check", "import"]);
