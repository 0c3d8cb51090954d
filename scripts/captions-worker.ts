// The captions worker (npm run captions): a LiveKit Agents worker registered as "plenary-captions".
// The app asks LiveKit for it when a forum's stage starts (lib/captions/dispatch.ts); each stage
// is captioned in its own job process (lib/captions/agent.ts). Configuration: the app's LiveKit
// variables and CAPTIONS_PYTHON / CAPTIONS_MODEL_DIR / CAPTIONS_THREADS (.env.example).
// --port=N: the worker's health endpoint (default 8081; 0 picks a free one, as the tests do).
import { fileURLToPath } from "node:url";
import { AgentServer, initializeLogger, ServerOptions, WorkerPermissions } from "@livekit/agents";
import { CAPTIONS_AGENT } from "@/lib/captions/dispatch";
import { getEnv } from "@/lib/env";
import { freePort } from "./lib/postgres.mjs";

const env = getEnv();
if (!env.CAPTIONS_MODEL_DIR) {
  console.error("CAPTIONS_MODEL_DIR is not set: name a CTranslate2 Whisper model folder (see .env.example; node scripts/captions-engine.mjs installs one).");
  process.exit(1);
}
const asked = Number(process.argv.find((a) => a.startsWith("--port="))?.slice(7) ?? 8081);
// LiveKit Agents reads a port of 0 as "the default": a free one is found here instead.
const port = asked === 0 ? await freePort() : asked;
// How many stages this worker captions at once. LiveKit Agents' default measure of load is the
// machine's CPU, which on a machine shared with the app or LiveKit would refuse every room: the
// engine's work is bounded by the rooms taken, so the load is the share of them in use.
const rooms = env.CAPTIONS_ROOMS;
initializeLogger({ pretty: false, level: process.env.CAPTIONS_LOG_LEVEL ?? "info" });
const server = new AgentServer(
  new ServerOptions({
    agent: fileURLToPath(new URL("../lib/captions/agent.ts", import.meta.url)),
    agentName: CAPTIONS_AGENT,
    wsURL: env.LIVEKIT_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    // Subscribes and sends captions as data; publishes no media, and is visible as an agent.
    permissions: new WorkerPermissions(false, true, true, false, [], false),
    numIdleProcesses: 1,
    loadFunc: async (server) => server.activeJobs.length / rooms,
    loadThreshold: 1,
    port,
    production: true,
  }),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.drain(30_000).finally(() => server.close().finally(() => process.exit(0)));
  });
}
await server.run();
