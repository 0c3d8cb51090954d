// Organizer input of the agenda editor. Times arrive as wall-clock readings in a chosen zone.
import { CONTROL_EXCEPT_LINE_BREAKS, z } from "@/lib/zod";
import { isValidTimeZone } from "@/lib/time/zones";
import { locales } from "@/lib/i18n/routing";
import { isAllowedPhotoUrl } from "./photo-url";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .refine((v) => !CONTROL_EXCEPT_LINE_BREAKS.test(v), { message: "invalidCharacters" });

export const localizedSchema = (max: number) => z.object({ ko: text(max), zh: text(max), en: text(max) });

/** At least one of the three languages must be filled in. */
export const requiredLocalizedSchema = (max: number) => localizedSchema(max).refine((t) => Boolean(t.ko || t.zh || t.en), { message: "titleRequired" });

const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "invalidTime" });
export const zoneSchema = z.string().refine(isValidTimeZone, { message: "invalidZone" });
const version = z.coerce.number().int().min(0);

export const speakerInputSchema = z
  .object({
    userId: z.string().min(1).nullable(),
    name: text(200),
    nameLatin: text(200),
    organizationKey: z.string().max(100),
    role: z.enum(["speaker", "moderator", "interpreter"]),
    bio: localizedSchema(2000),
    photoUrl: z.string().trim().max(500).refine(isAllowedPhotoUrl, { message: "invalidUrl" }),
  })
  .refine((s) => s.userId !== null || s.name.length > 0, { message: "speakerNameRequired", path: ["name"] });

export const sessionInputSchema = z.object({
  forumId: z.string().min(1, { message: "required" }),
  key: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9-]*$/, { message: "invalidKey" }),
  title: requiredLocalizedSchema(300),
  abstract: localizedSchema(5000),
  kind: z.enum(["opening", "talk", "panel", "discussion", "break", "closing"]),
  language: z.enum(locales),
  zone: zoneSchema,
  startsAt: localTime,
  endsAt: localTime,
  speakers: z.array(speakerInputSchema).max(40),
});

export const sessionUpdateSchema = sessionInputSchema.extend({ version });

export const forumInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, { message: "required" })
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "invalidSlug" }),
  title: requiredLocalizedSchema(300),
  description: localizedSchema(5000),
  zone: zoneSchema,
  startsAt: localTime,
  endsAt: localTime,
  hosts: z.array(z.string().max(100)).max(20),
});

export const forumUpdateSchema = forumInputSchema.extend({ version });

const displayZoneSchema = z.object({
  zone: zoneSchema,
  abbr: z.string().trim().min(1, { message: "required" }).max(10),
  label: localizedSchema(60),
});

export const eventInputSchema = z.object({
  version,
  title: requiredLocalizedSchema(300),
  description: localizedSchema(5000),
  venue: localizedSchema(300),
  timeZone: zoneSchema,
  displayZones: z.array(displayZoneSchema).max(6),
  startsAt: localTime,
  endsAt: localTime,
  languages: z.array(z.enum(locales)).min(1, { message: "required" }),
});

export const shiftInputSchema = z.object({
  forumId: z.string().min(1),
  fromSessionId: z.string().min(1, { message: "required" }),
  minutes: z.coerce
    .number({ message: "invalidMinutes" })
    .int({ message: "invalidMinutes" })
    .min(-240, { message: "invalidMinutes" })
    .max(240, { message: "invalidMinutes" })
    .refine((m) => m !== 0, { message: "invalidMinutes" }),
  publish: z.boolean(),
});

export type SessionInput = z.infer<typeof sessionInputSchema>;
export type SpeakerInput = z.infer<typeof speakerInputSchema>;
export type ForumInput = z.infer<typeof forumInputSchema>;
export type EventInput = z.infer<typeof eventInputSchema>;

/** zod issues as {field path: message key}, the first per field. */
export function issuesByPath(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
