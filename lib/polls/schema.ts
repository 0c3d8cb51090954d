// Input of the polls' routes and actions: a poll as organizers prepare it (question and options in
// ko/zh/en, at least one language each), and an answer.
import { CONTROL_CHARACTERS, z } from "@/lib/zod";
import { POLL_MAX_OPTIONS, POLL_TEXT_MAX, POLL_TIMER_MAX, POLL_TIMER_MIN } from "./rules";

const text = z
  .string()
  .trim()
  .max(POLL_TEXT_MAX, "pollTextTooLong")
  .refine((s) => !CONTROL_CHARACTERS.test(s), "invalidCharacters");

const localized = z.object({ ko: text.default(""), zh: text.default(""), en: text.default("") });
const filled = (l: { ko: string; zh: string; en: string }) => !!(l.ko || l.zh || l.en);

export const pollInputSchema = z.object({
  question: localized.refine(filled, "pollQuestionMissing"),
  options: z
    .array(localized)
    .transform((list) => list.filter(filled))
    .refine((list) => list.length >= 2, "pollOptionsMissing")
    .refine((list) => list.length <= POLL_MAX_OPTIONS, "pollTooManyOptions"),
  multiple: z.boolean().default(false),
  timerSeconds: z.number().int().min(POLL_TIMER_MIN, "pollTimerInvalid").max(POLL_TIMER_MAX, "pollTimerInvalid").nullable().default(null),
});

export type PollInput = z.input<typeof pollInputSchema>;

export const pollVoteSchema = z.object({ choices: z.array(z.string().min(1).max(20)).max(20) });

export const pollCommandSchema = z.enum(["open", "close", "reveal", "hide"]);
