// Input of My agenda: a bookmark, and the preferences a person sets on My conference.
import { z } from "@/lib/zod";
import { isValidTimeZone } from "@/lib/time/zones";
import { locales } from "@/lib/i18n/routing";
import { REMINDER_CHOICES } from "./reminders";

export const bookmarkSchema = z.object({
  sessionId: z.string().min(1).max(64),
  on: z.boolean(),
});

export const preferencesSchema = z.object({
  preferredLanguage: z.enum(locales, { message: "required" }),
  timeZone: z.string().refine(isValidTimeZone, { message: "timeZone" }),
  // "" keeps the deployment's default.
  reminderMinutes: z
    .string()
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (REMINDER_CHOICES as readonly number[]).includes(v), { message: "invalidAction" }),
});

export type Preferences = z.infer<typeof preferencesSchema>;
