// Integration tests need a real PostgreSQL server: the one scripts/test.mjs started for the whole
// run (PLENARY_TEST_SERVER_URL), else DATABASE_URL's, else an embedded cluster of their own.
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = process.env.PLENARY_TEST_RUN ?? `t${Date.now().toString(36)}${process.pid}`;
  let serverUrl = process.env.PLENARY_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const { startEmbeddedPostgres, freePort } = await import("../../scripts/lib/postgres.mjs");
    const pg = await startEmbeddedPostgres({ dataDir: path.resolve(".data/pg-test"), port: await freePort() });
    serverUrl = `${pg.url}/postgres`;
    stop = pg.stop;
  }
  project.provide("serverUrl", serverUrl);
  project.provide("runId", runId);
  return stop;
}
