// The shape of a conference seed file (prisma/data/*.json), validated before anything is written.
import { z } from "@/lib/zod";

const text = z.object({ ko: z.string().min(1), zh: z.string().min(1), en: z.string().min(1) });
const instant = z
  .string()
  .datetime({ offset: true })
  .transform((s) => new Date(s));
const lang = z.enum(["ko", "zh", "en"]);

const person = z.object({
  key: z.string(),
  name: z.string().min(1),
  nameLatin: z.string().min(1),
  email: z
    .string()
    .email()
    .transform((e) => e.toLowerCase()),
  organization: z.string(),
  country: z.string().length(2),
  preferredLanguage: lang,
  timeZone: z.string(),
});

export const seedFileSchema = z.object({
  event: z.object({
    slug: z.string(),
    title: text,
    description: text,
    venue: text,
    hostCountries: z.array(z.string().length(2)),
    languages: z.array(lang),
    timeZone: z.string(),
    displayZones: z.array(z.object({ zone: z.string(), abbr: z.string(), label: text })),
    startsAt: instant,
    endsAt: instant,
    capacity: z.number().int().positive(),
    registrationPolicy: z.enum(["open", "approval", "invitation"]),
    registrationOpensAt: instant,
    registrationClosesAt: instant,
  }),
  organizations: z.array(z.object({ key: z.string(), name: text, country: z.string().length(2) })),
  forums: z.array(
    z.object({
      slug: z.string(),
      title: text,
      description: text,
      startsAt: instant,
      endsAt: instant,
      hosts: z.array(z.string()),
      sessions: z.array(
        z.object({
          key: z.string(),
          title: text,
          abstract: text,
          kind: z.enum(["opening", "talk", "panel", "discussion", "break", "closing"]),
          language: lang,
          startsAt: instant,
          endsAt: instant,
          speakers: z.array(z.string()),
        }),
      ),
    }),
  ),
  people: z.array(
    person.extend({
      role: z.enum(["speaker", "interpreter", "delegate", "observer"]),
      forums: z.array(z.string()),
    }),
  ),
  organizers: z.array(person),
});

export type SeedFile = z.infer<typeof seedFileSchema>;
