// Prisma CLI configuration. The CLI's native schema engine is optional here: migrations are
// plain SQL files that scripts/migrate.mjs applies the way `prisma migrate deploy` would.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "node --conditions=react-server --import tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5433/plenary" },
});
