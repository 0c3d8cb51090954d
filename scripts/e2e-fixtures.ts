// Data the browser tests need beyond the Clean Sky seed: the 10,000-registration load event, and
// recordings with real media files (e2e/recordings-fixture.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { createRecordingFixtures } from "../e2e/recordings-fixture";
import { PrismaClient } from "../lib/generated/prisma/client";
import { loadRegistrations } from "../test/load-registrations";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
try {
  await loadRegistrations(prisma, { organizerEmail: "organizer.kr@plenary.test" });
  await createRecordingFixtures(prisma);
} finally {
  await prisma.$disconnect();
}
