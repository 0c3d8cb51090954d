// Integration tests need a real PostgreSQL server: the one scripts/test.mjs started for the whole
// run (PLENARY_TEST_SERVER_URL), else DATABASE_URL's, else an embedded cluster of their own.
// Likewise the real LiveKit server: the run's (PLENARY_TEST_LIVEKIT_URL), else one started here.
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    runId: string;
    /** The run's LiveKit server, or why there is none (its tests skip; under CI setup fails instead). */
    livekit: { url: string; apiKey: string; apiSecret: string; webhookPort: number } | { skipped: string };
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
  const livekit = await liveKit().catch(async (err) => {
    await stop();
    throw err;
  });
  project.provide("livekit", livekit.context);
  return async () => {
    await livekit.stop();
    await stop();
  };
}

/** Webhooks of the server go to http://127.0.0.1:<webhookPort>/api/livekit/webhook, where a test may listen. */
async function liveKit() {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, startLiveKitForTests } = await import("../../scripts/lib/livekit.mjs");
  const { freePort } = await import("../../scripts/lib/postgres.mjs");
  if (process.env.PLENARY_TEST_LIVEKIT_SKIPPED) return { context: { skipped: process.env.PLENARY_TEST_LIVEKIT_SKIPPED }, stop: async () => {} };
  if (process.env.PLENARY_TEST_LIVEKIT_URL) {
    const context = { url: process.env.PLENARY_TEST_LIVEKIT_URL, apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET, webhookPort: Number(process.env.PLENARY_TEST_LIVEKIT_WEBHOOK_PORT) };
    return { context, stop: async () => {} };
  }
  const webhookPort = await freePort();
  const server = await startLiveKitForTests({ webhookUrls: [`http://127.0.0.1:${webhookPort}/api/livekit/webhook`] });
  if ("skipped" in server) {
    console.warn(`\n${server.skipped}\n`);
    return { context: { skipped: server.skipped }, stop: async () => {} };
  }
  return { context: { url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret, webhookPort }, stop: server.stop };
}
