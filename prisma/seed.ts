// Seeds the 2021 Korea–China Clean Sky Conference from prisma/data/clean-sky-2021.json.
// Idempotent and additive: whatever already exists is left exactly as organizers made it;
// only missing rows are created.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { publishAgenda } from "../lib/agenda/publish";
import { hashPassword } from "../lib/auth/password";
import type { Tx } from "../lib/db";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedFileSchema, type SeedFile } from "./seed-data";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Local-only password of the seeded organizer accounts (README lists them). */
export const SEED_ORGANIZER_PASSWORD = "clean-sky-organizer";

export function loadSeedFile(file = path.join(here, "data", "clean-sky-2021.json")): SeedFile {
  return seedFileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

async function seedStructure(tx: Tx, data: SeedFile) {
  const { event: e } = data;
  const event = await tx.event.upsert({
    where: { slug: e.slug },
    update: {},
    create: { ...e, publishedAt: new Date() },
  });
  const orgIds = new Map<string, string>();
  for (const o of data.organizations) {
    const org = await tx.organization.upsert({ where: { key: o.key }, update: {}, create: o });
    orgIds.set(o.key, org.id);
  }
  const forumIds = new Map<string, string>();
  for (const [index, f] of data.forums.entries()) {
    const existing = await tx.forum.findUnique({ where: { eventId_slug: { eventId: event.id, slug: f.slug } } });
    const forum =
      existing ??
      (await tx.forum.create({
        data: {
          eventId: event.id,
          slug: f.slug,
          title: f.title,
          description: f.description,
          position: index + 1,
          startsAt: f.startsAt,
          endsAt: f.endsAt,
          roomName: `${e.slug}--${f.slug}`,
          hosts: { create: f.hosts.map((key) => ({ organizationId: orgIds.get(key)! })) },
        },
      }));
    forumIds.set(f.slug, forum.id);
  }
  return { event, orgIds, forumIds };
}

async function seedPeople(tx: Tx, data: SeedFile, eventId: string, orgIds: Map<string, string>, forumIds: Map<string, string>) {
  const userIds = new Map<string, string>();
  const organizerHash = await hashPassword(SEED_ORGANIZER_PASSWORD);
  const everyone = [...data.organizers.map((p) => ({ ...p, role: "organizer" as const, forums: [...forumIds.keys()] })), ...data.people];
  for (const p of everyone) {
    const user = await tx.user.upsert({
      where: { email: p.email },
      update: {},
      create: {
        email: p.email,
        name: p.name,
        nameLatin: p.nameLatin,
        locale: p.preferredLanguage,
        timeZone: p.timeZone,
        passwordHash: p.role === "organizer" ? organizerHash : null,
      },
    });
    userIds.set(p.key, user.id);
    const exists = await tx.registration.findUnique({ where: { eventId_userId: { eventId, userId: user.id } } });
    if (exists) continue;
    await tx.registration.create({
      data: {
        eventId,
        userId: user.id,
        role: p.role,
        status: "approved",
        organizationId: orgIds.get(p.organization),
        country: p.country,
        preferredLanguage: p.preferredLanguage,
        timeZone: p.timeZone,
        recordingConsent: true,
        decidedAt: new Date(),
        forums: { create: p.forums.map((slug) => ({ forumId: forumIds.get(slug)! })) },
      },
    });
  }
  return userIds;
}

async function seedSessions(tx: Tx, data: SeedFile, forumIds: Map<string, string>, userIds: Map<string, string>, orgIds: Map<string, string>) {
  const people = new Map(data.people.map((p) => [p.key, p]));
  for (const f of data.forums) {
    const forumId = forumIds.get(f.slug)!;
    for (const s of f.sessions) {
      const existing = await tx.session.findUnique({ where: { forumId_key: { forumId, key: s.key } } });
      if (existing) continue;
      const session = await tx.session.create({
        data: {
          forumId,
          key: s.key,
          title: s.title,
          abstract: s.abstract,
          kind: s.kind,
          language: s.language,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        },
      });
      await tx.sessionSpeaker.createMany({
        data: s.speakers.map((key, position) => {
          const p = people.get(key);
          if (!p) throw new Error(`Session ${f.slug}/${s.key} names unknown speaker ${key}`);
          return {
            sessionId: session.id,
            userId: userIds.get(key),
            organizationId: orgIds.get(p.organization),
            name: p.name,
            nameLatin: p.nameLatin,
            position,
          };
        }),
      });
    }
  }
}

export async function seed(prisma: PrismaClient, data: SeedFile = loadSeedFile()) {
  const eventId = await prisma.$transaction(
    async (tx) => {
      // One seeder at a time: two `npm start`s racing would otherwise both create the rows.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(20211122)`;
      const { event, orgIds, forumIds } = await seedStructure(tx, data);
      const userIds = await seedPeople(tx, data, event.id, orgIds, forumIds);
      await seedSessions(tx, data, forumIds, userIds, orgIds);
      return event.id;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // The seeded agenda is published once; later runs leave organizers' publications alone.
  if ((await prisma.agendaPublication.count({ where: { eventId } })) === 0) await publishAgenda(eventId, null, { client: prisma });
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seed(prisma);
    console.log("Seeded the Clean Sky 2021 conference.");
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
