// `prisma generate` without Prisma's native schema engine, which is downloaded from a server
// that firewalled machines cannot reach; Prisma Client 7 itself needs no native engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && fs.existsSync("/bin/true")) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/true";
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
