// Input of the recordings API, actions and forms.
import { z } from "@/lib/zod";
import { visibilitySchema } from "@/lib/materials/schema";
import { locales } from "@/lib/i18n/routing";

export const languageSchema = z.enum(locales);

export const recordingSettingsSchema = z.object({
  visibility: visibilitySchema.optional(),
  published: z.boolean().optional(),
});

const chapterTitle = z.string().trim().max(300, "tooLong");

export const chapterInputSchema = z.object({
  offsetMs: z.number().int("offsetInvalid").min(0, "offsetInvalid").max(2_147_483_647, "offsetInvalid"),
  sessionId: z.string().min(1).nullable().default(null),
  title: z.object({ ko: chapterTitle, zh: chapterTitle, en: chapterTitle }).refine((t) => !!(t.ko || t.zh || t.en), "chapterTitleMissing"),
});

export const chaptersSchema = z
  .array(chapterInputSchema)
  .max(500, "tooManyChapters")
  .refine((list) => new Set(list.map((c) => c.offsetMs)).size === list.length, "chapterOffsetsRepeat");

export const uploadRecordingSchema = z.object({
  fileName: z.string().min(1, "fileNameMissing").max(1000, "tooLong"),
  forumId: z.string().min(1, "forumMissing"),
  sessionId: z.string().min(1).nullable().default(null),
  /** Read by the browser from the file before uploading; the player works without it. */
  durationMs: z.number().int().positive().max(2_147_483_647).nullable().default(null),
  /** When the recording began (for chapters of a forum recording). */
  startedAt: z.date().nullable().default(null),
  visibility: visibilitySchema.default("registered"),
});

export type ChapterInput = z.input<typeof chapterInputSchema>;
export type UploadRecordingMeta = z.input<typeof uploadRecordingSchema>;

/** The largest subtitle file accepted (a whole day of cues is well under this). */
export const MAX_SUBTITLE_BYTES = 2 * 1024 * 1024;
