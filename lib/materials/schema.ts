// Input of the materials API and forms.
import { z } from "@/lib/zod";

export const visibilitySchema = z.enum(["public", "registered", "organizers"]);

const titlePart = z.string().trim().max(200, "tooLong").default("");

export const titleSchema = z.object({ ko: titlePart, zh: titlePart, en: titlePart });

export const uploadMetaSchema = z.object({
  fileName: z.string().min(1, "fileNameMissing").max(1000, "tooLong"),
  title: titleSchema.default({ ko: "", zh: "", en: "" }),
  visibility: visibilitySchema.default("registered"),
});

export const materialUpdateSchema = z.object({
  title: titleSchema,
  visibility: visibilitySchema,
});

export type UploadMeta = z.input<typeof uploadMetaSchema>;
export type MaterialUpdate = z.input<typeof materialUpdateSchema>;
