// Data the browser tests need beyond the Clean Sky seed: the 10,000-registration load event,
// recordings with real media files (e2e/recordings-fixture.ts), and events in each registration
// and programme state with people in five time zones (e2e/state-fixture.ts). Run with
// --conditions=react-server, as the seed is: publishing goes through lib/.
import { PrismaPg } from "@prisma/adapter-pg";
import { createRecordingFixtures } from "../e2e/recordings-fixture";
import { createStateFixtures } from "../e2e/state-fixture";
import { PrismaClient } from "../lib/generated/prisma/client";
import { loadRegistrations } from "../test/load-registrations";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
try {
  await loadRegistrations(prisma, { organizerEmail: "organizer.kr@plenary.test" });
  await createRecordingFixtures(prisma);
  await createStateFixtures(prisma);
} finally {
  await prisma.$disconnect();
}
