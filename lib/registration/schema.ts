// Registration input. Messages are keys of the "errors" catalogue, so each form shows them in
// the user's language beside the field.
import { CONTROL_CHARACTERS, CONTROL_EXCEPT_LINE_BREAKS, z } from "@/lib/zod";
import { isValidTimeZone } from "@/lib/time/zones";
import { locales } from "@/lib/i18n/routing";

/** "audience": watch only (the audience tier, with its own policy and limit); it chooses no forum. */
export const requestableRoles = ["delegate", "speaker", "interpreter", "observer", "audience"] as const;
export const allRoles = ["organizer", ...requestableRoles] as const;
export const statuses = ["pending", "approved", "waitlisted", "declined", "cancelled"] as const;

/** One line of text: no control characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .refine((v) => !CONTROL_CHARACTERS.test(v), { message: "invalidCharacters" });
/** Several lines: line breaks allowed, other control characters not. */
const lines = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .refine((v) => !CONTROL_EXCEPT_LINE_BREAKS.test(v), { message: "invalidCharacters" });

export const registrationSchema = z
  .object({
    name: text(120).min(1, { message: "required" }),
    nameLatin: text(120).min(1, { message: "required" }),
    organizationKey: z.string().min(1, { message: "required" }).max(100, { message: "organization" }),
    organizationOther: text(200).optional().default(""),
    country: z.string().regex(/^[A-Z]{2}$/, { message: "country" }),
    role: z.enum(requestableRoles, { message: "required" }),
    forums: z.array(z.string().max(100)).max(100, { message: "forums" }),
    preferredLanguage: z.enum(locales, { message: "required" }),
    timeZone: z.string().refine(isValidTimeZone, { message: "timeZone" }),
    accessibilityNeeds: lines(1000).optional().default(""),
    recordingConsent: z.boolean().default(false),
  })
  .refine((v) => v.organizationKey !== "other" || v.organizationOther.length > 0, {
    message: "required",
    path: ["organizationOther"],
  })
  // The audience watches every broadcast forum of the event; everyone else names theirs.
  .refine((v) => v.role === "audience" || v.forums.length > 0, { message: "forums", path: ["forums"] });

export type RegistrationInput = z.infer<typeof registrationSchema>;

export const accountSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, { message: "tooLong" }).email({ message: "email" }),
  password: z.string().min(10, { message: "passwordShort" }).max(200, { message: "tooLong" }),
});

export type AccountInput = z.infer<typeof accountSchema>;

const ids = z.array(z.string().min(1).max(100)).min(1, { message: "selectSome" }).max(10_000);

export const decisionSchema = z.object({
  ids,
  decision: z.enum(["approved", "declined", "waitlisted"]),
});

/** Grant what registrations asked for (role, organisation), or refuse it (they keep what they have). */
export const requestDecisionSchema = z.object({ ids, grant: z.boolean() });

export const roleChangeSchema = z.object({
  ids,
  role: z.enum(allRoles),
});

export const settingsSchema = z
  .object({
    capacity: z.coerce.number().int({ message: "number" }).min(1, { message: "number" }).max(1_000_000, { message: "number" }),
    registrationPolicy: z.enum(["open", "approval", "invitation"], { message: "required" }),
    /** The audience tier; absent leaves it as it is. */
    audiencePolicy: z.enum(["open", "approval", "invitation"], { message: "required" }).optional(),
    /** null: no limit. */
    audienceCapacity: z.coerce
      .number({ message: "audienceCapacity" })
      .int({ message: "audienceCapacity" })
      .min(1, { message: "audienceCapacity" })
      .max(10_000_000, { message: "audienceCapacity" })
      .nullable()
      .optional(),
    registrationOpensAt: z.date().nullable(),
    registrationClosesAt: z.date().nullable(),
  })
  .refine((v) => !v.registrationOpensAt || !v.registrationClosesAt || v.registrationOpensAt < v.registrationClosesAt, {
    message: "windowOrder",
    path: ["registrationClosesAt"],
  });

/** Field → message key, the first problem of each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
