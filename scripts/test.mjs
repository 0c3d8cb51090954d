// `npm test`: lint, then every test — unit, integration on a real PostgreSQL, browser tests in Chromium
// against the production build. One PostgreSQL server for the run (the embedded one, or
// DATABASE_URL's server); every test gets databases named after this run, dropped at the end.
// One real LiveKit server as well (scripts/lib/livekit.mjs), on loopback, posting its webhooks to
// the e2e app and to a port the integration tests may listen on; beside it the Egress stand-in
// (e2e/egress/stand-in.mjs), posting its egress webhooks to the same two.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEgressStandInForTests } from "../e2e/egress/stand-in.mjs";
import { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, startLiveKitForTests } from "./lib/livekit.mjs";
import { dropDatabase, ensureDatabase, migrate } from "./lib/migrate.mjs";
import { freePort, startEmbeddedPostgres } from "./lib/postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
// PLENARY_TEST_RESULTS / PLENARY_DIST_DIR let two runs share one clone without clobbering each other.
const results = path.resolve(root, process.env.PLENARY_TEST_RESULTS ?? path.join(".data", "test-results"));
const runId = `r${Date.now().toString(36)}${process.pid}`;
// `node scripts/test.mjs e2e -- room.flow` passes what follows `--` to Playwright (one spec, --repeat-each…).
const dashes = process.argv.indexOf("--");
const only = process.argv.slice(2, dashes < 0 ? undefined : dashes);
const playwrightArgs = dashes < 0 ? [] : process.argv.slice(dashes + 1);
const log = (m) => console.log(`\n[test] ${m}`);

// Asynchronous, never spawnSync: the Egress stand-in answers from this process's event loop, which
// a synchronous child would block for the whole suite (every call to it would time out).
function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

const node = (script, args, env) => run(process.execPath, [path.join(root, script), ...args], env);

/** Passed/failed counts from the JSON reports of vitest and Playwright. */
function counts(file) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  if (r.stats) return { passed: r.stats.expected + (r.stats.flaky ?? 0), failed: r.stats.unexpected };
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.success ? 0 : r.numFailedTestSuites) };
}

/** Whether Playwright's report has skipped tests in the flows project (its dependency failed). */
function skippedFlows(file) {
  if (!fs.existsSync(file)) return false;
  const skipped = (suite) => (suite.specs ?? []).some((spec) => spec.tests.some((t) => t.projectName === "flows" && t.status === "skipped")) || (suite.suites ?? []).some(skipped);
  return JSON.parse(fs.readFileSync(file, "utf8")).suites.some(skipped);
}

async function dropRunDatabases(serverUrl) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`plenary_${runId.toLowerCase()}%`]);
  await client.end();
  for (const { datname } of rows) {
    const url = new URL(serverUrl);
    url.pathname = `/${datname}`;
    await dropDatabase(url.toString());
  }
}

/** The run's Egress stand-in and the variables that point tests and the e2e app at it. */
async function startEgressForRun(webhookUrls, liveKitUrl) {
  const logFile = path.join(results, "egress.log");
  const standIn = await startEgressStandInForTests({ apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET, webhookUrls, logFile, liveKitUrl });
  if ("skipped" in standIn) {
    log(standIn.skipped);
    return { env: { PLENARY_TEST_EGRESS_SKIPPED: standIn.skipped }, stop: async () => {} };
  }
  log(`Egress stand-in: ${standIn.version} on ${standIn.url} (log: ${path.relative(root, logFile)})`);
  const env = { LIVEKIT_EGRESS_URL: standIn.url, PLENARY_TEST_EGRESS_URL: standIn.url, PLENARY_TEST_EGRESS: "stand-in" };
  return { env, stop: standIn.stop };
}

/** The run's LiveKit server and Egress stand-in, and the variables that point tests and app instances at them. */
async function startLiveKitForRun(e2ePort) {
  const webhookPort = await freePort();
  const webhookUrls = [`http://127.0.0.1:${e2ePort}/api/livekit/webhook`, `http://127.0.0.1:${webhookPort}/api/livekit/webhook`];
  const server = await startLiveKitForTests({ webhookUrls, logFile: path.join(results, "livekit.log") });
  let livekit;
  if ("skipped" in server) {
    log(server.skipped);
    livekit = { env: { PLENARY_TEST_LIVEKIT_SKIPPED: server.skipped }, stop: async () => {} };
  } else {
    log(`LiveKit: ${server.version} on ${server.url} (log: ${path.relative(root, path.join(results, "livekit.log"))})`);
    const env = {
      PLENARY_TEST_LIVEKIT_URL: server.url,
      LIVEKIT_URL: server.url,
      LIVEKIT_API_KEY: server.apiKey,
      LIVEKIT_API_SECRET: server.apiSecret,
      LIVEKIT_API_URL: "",
    };
    livekit = { env, stop: server.stop };
  }
  // With LiveKit running, the stand-in refuses egresses of rooms LiveKit does not know, as the real one does.
  const egress = await startEgressForRun(webhookUrls, "skipped" in server ? undefined : server.httpUrl).catch(async (err) => {
    await livekit.stop();
    throw err;
  });
  const stop = async () => {
    await egress.stop();
    await livekit.stop();
  };
  // Both post to webhookPort, where an integration test may listen.
  return { env: { PLENARY_TEST_LIVEKIT_WEBHOOK_PORT: String(webhookPort), ...livekit.env, ...egress.env }, stop };
}

async function main() {
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  let serverUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (serverUrl) {
    log(`Using the PostgreSQL server of DATABASE_URL`);
  } else {
    log("Starting the embedded PostgreSQL for this run…");
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "pg-test"), port: await freePort() });
    serverUrl = `${server.url}/postgres`;
    stop = server.stop;
  }
  // Chosen now: LiveKit's webhook must name the e2e app's address before either starts.
  const port = await freePort();
  const wantsLiveKit = !only.length || only.includes("integration") || only.includes("e2e");
  let livekit = { env: {}, stop: async () => {} };
  // PLENARY_LOCAL_RUN: the test apps run in production mode on loopback with LiveKit's development
  // keys, which a public server refuses (lib/env.ts).
  const env = { ...process.env, PLENARY_TEST_SERVER_URL: serverUrl, PLENARY_TEST_RUN: runId, NEXT_TELEMETRY_DISABLED: "1", PLENARY_LOCAL_RUN: "1" };
  const vitest = "node_modules/vitest/vitest.mjs";
  const suites = [];
  try {
    if (wantsLiveKit) {
      livekit = await startLiveKitForRun(port);
      Object.assign(env, livekit.env);
    }
    if (!only.length || only.includes("lint")) {
      log("lint (ESLint, Prettier, import cycles)");
      const clean =
        (await node("node_modules/eslint/bin/eslint.js", ["."], env)) &&
        (await node("node_modules/prettier/bin/prettier.cjs", ["--check", "--log-level", "warn", "."], env)) &&
        (await node("scripts/check-cycles.mjs", [], env));
      if (!clean) suites.push(["lint", { passed: 0, failed: 1 }]);
    }
    for (const project of ["unit", "integration"]) {
      if (only.length && !only.includes(project)) continue;
      log(`${project} tests`);
      const out = path.join(results, `${project}.json`);
      // `node scripts/test.mjs integration -- livekit` hands what follows `--` to vitest (a file filter…).
      const filters = only.length === 1 ? playwrightArgs : [];
      await node(vitest, ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...filters], env);
      suites.push([project, counts(out)]);
    }
    if (!only.length || only.includes("e2e")) {
      log("browser tests: database, production build, Chromium");
      const url = new URL(serverUrl);
      url.pathname = `/plenary_${runId.toLowerCase()}_e2e`;
      // A second instance on the same build and database, for the cross-instance live flow
      // (db-down.spec.ts uses port + 1 for its own instance).
      let port2 = await freePort();
      while (port2 === port || port2 === port + 1) port2 = await freePort();
      const e2eEnv = {
        ...env,
        DATABASE_URL: url.toString(),
        PLENARY_DIST_DIR: process.env.PLENARY_DIST_DIR ?? ".next-test",
        PLENARY_TEST_RESULTS: results,
        PLENARY_E2E_PORT: String(port),
        PLENARY_E2E_PORT2: String(port2),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        // No SMTP here: the app writes each mail to this folder, where the browser tests read it.
        MAIL_DIR: path.join(results, "mail"),
        SMTP_URL: "",
      };
      await ensureDatabase(e2eEnv.DATABASE_URL);
      await migrate(e2eEnv.DATABASE_URL, path.join(root, "prisma", "migrations"));
      const ready =
        (await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], e2eEnv)) &&
        (await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/e2e-fixtures.ts"], e2eEnv)) &&
        (await node("node_modules/next/dist/bin/next", ["build"], e2eEnv));
      const passed = ready && (await node("node_modules/@playwright/test/cli.js", ["test", ...playwrightArgs], e2eEnv));
      // PLENARY_E2E_FLOWS_ALONE (the flows by themselves, as below) makes Playwright write e2e-flows.json.
      const report = path.join(results, process.env.PLENARY_E2E_FLOWS_ALONE ? "e2e-flows.json" : "e2e.json");
      suites.push(["e2e", ready ? counts(report) : { passed: 0, failed: 1 }]);
      // Playwright skips a project whose dependency failed: a failing read-only spec skips every
      // flow. Run them on their own then, so that a red run still says whether they pass.
      if (ready && !passed && !playwrightArgs.length && skippedFlows(path.join(results, "e2e.json"))) {
        log("browser tests: the flows, which Playwright skipped after a failure above, on their own");
        await node("node_modules/@playwright/test/cli.js", ["test", "--project", "flows"], { ...e2eEnv, PLENARY_E2E_FLOWS_ALONE: "1" });
        suites.push(["e2e flows (on their own, after the sign-in setup)", counts(path.join(results, "e2e-flows.json"))]);
      }
    }
  } finally {
    await livekit.stop();
    await dropRunDatabases(serverUrl).catch((err) => console.error(`[test] could not drop the run's databases: ${err.message}`));
    await stop();
  }
  const total = suites.reduce((t, [, c]) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed }), { passed: 0, failed: 0 });
  console.log("");
  for (const [name, c] of suites) console.log(`[test] ${name}: ${c.passed} passed, ${c.failed} failed`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
