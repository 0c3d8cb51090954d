// Input of the Q&A's routes and actions. Questions are plain text: control characters other than
// line breaks are refused, and nothing is ever read as HTML (pages render it as text).
import { locales } from "@/lib/i18n/routing";
import { CONTROL_EXCEPT_LINE_BREAKS, z } from "@/lib/zod";
import { QUESTION_MAX_LENGTH } from "./rules";

export const idSchema = z.string().trim().min(1).max(200);

export const questionTextSchema = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "questionEmpty")
      .max(QUESTION_MAX_LENGTH, "questionTooLong")
      .refine((s) => !CONTROL_EXCEPT_LINE_BREAKS.test(s), "questionInvalid"),
  );

export const askSchema = z.object({
  body: questionTextSchema,
  language: z.enum(locales),
  anonymous: z.boolean().default(false),
});

export type AskInput = z.input<typeof askSchema>;

export const voteSchema = z.object({ vote: z.boolean().default(true) });

export const moderationCommandSchema = z.enum(["approve", "dismiss", "answer"]);

/** A change of the event's Q&A settings: one or both, nothing else. */
export const qaSettingsSchema = z
  .object({ moderation: z.enum(["open", "approve"]).optional(), boundary: z.enum(["stay", "next"]).optional() })
  .strict()
  .refine((s) => s.moderation !== undefined || s.boundary !== undefined, "qaSettingsEmpty");
