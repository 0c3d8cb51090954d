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

/** A copy of a database (its schema, data and migration rows) under another name, on the same server. */
async function copyDatabase(sourceUrl, name) {
  const source = new URL(sourceUrl);
  const admin = new URL(sourceUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${source.pathname.slice(1)}"`);
  } finally {
    await client.end();
  }
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
async function startEgressForRun(webhookUrls, liveKitUrl, dir) {
  const logFile = path.join(dir, "egress.log");
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
async function startLiveKitForRun(e2ePort, dir = results) {
  const webhookPort = await freePort();
  const webhookUrls = [`http://127.0.0.1:${e2ePort}/api/livekit/webhook`, `http://127.0.0.1:${webhookPort}/api/livekit/webhook`];
  const server = await startLiveKitForTests({ webhookUrls, logFile: path.join(dir, "livekit.log") });
  let livekit;
  if ("skipped" in server) {
    log(server.skipped);
    livekit = { env: { PLENARY_TEST_LIVEKIT_SKIPPED: server.skipped }, stop: async () => {} };
  } else {
    log(`LiveKit: ${server.version} on ${server.url} (log: ${path.relative(root, path.join(dir, "livekit.log"))})`);
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
  const egress = await startEgressForRun(webhookUrls, "skipped" in server ? undefined : server.httpUrl, dir).catch(async (err) => {
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
      const distDir = process.env.PLENARY_DIST_DIR ?? ".next-test";
      const worldEnv = (name, ports, dir, databaseUrl, distDir, extra) => ({
        ...env,
        ...extra,
        DATABASE_URL: databaseUrl,
        PLENARY_DIST_DIR: distDir,
        PLENARY_TEST_RESULTS: dir,
        PLENARY_E2E_PORT: String(ports[0]),
        PLENARY_E2E_PORT2: String(ports[1]),
        PUBLIC_BASE_URL: `http://127.0.0.1:${ports[0]}`,
        AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        // No SMTP here: the app writes each mail to this folder, where the browser tests read it.
        MAIL_DIR: path.join(dir, "mail"),
        SMTP_URL: "",
        RECORDINGS_DIR: path.join(dir, "recordings"),
        PLENARY_E2E_WORLD: name,
      });
      // A second instance on the same build and database, for the cross-instance live flow
      // (db-down.spec.ts uses port + 1 for its own instance).
      const taken = new Set([port, port + 1]);
      const freeOther = async () => {
        let p = await freePort();
        while (taken.has(p) || taken.has(p - 1)) p = await freePort();
        taken.add(p);
        return p;
      };
      const e2eEnv = worldEnv(playwrightArgs.length ? "" : "read-only", [port, await freeOther()], results, url.toString(), distDir, {});
      await ensureDatabase(e2eEnv.DATABASE_URL);
      await migrate(e2eEnv.DATABASE_URL, path.join(root, "prisma", "migrations"));
      const ready =
        (await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], e2eEnv)) &&
        (await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/e2e-fixtures.ts"], e2eEnv)) &&
        (await node("node_modules/next/dist/bin/next", ["build"], e2eEnv));
      if (playwrightArgs.length) {
        // One spec or a few (`node scripts/test.mjs e2e -- e2e/room.flow.spec.ts`): one world, as asked.
        if (ready) await node("node_modules/@playwright/test/cli.js", ["test", ...playwrightArgs], e2eEnv);
        suites.push(["e2e", ready ? counts(path.join(results, "e2e.json")) : { passed: 0, failed: 1 }]);
      } else if (!ready) {
        suites.push(["e2e", { passed: 0, failed: 1 }]);
      } else {
        // The whole suite in two worlds, one after the other: the read-only specs (two browsers) on
        // the database prepared above, then the flows, which change data, on a copy of it made now,
        // with their own two app instances, LiveKit server, Egress stand-in, mail and recordings, and
        // their own copy of the build (Next keeps its cache of rendered pages there). A failure in
        // one skips nothing in the other. (Both at once saturated two cores: more time, not less.)
        const flowsDir = path.join(results, "flows");
        fs.mkdirSync(flowsDir, { recursive: true });
        const flowsUrl = new URL(url);
        flowsUrl.pathname = `${url.pathname}_flows`;
        await copyDatabase(url.toString(), flowsUrl.pathname.slice(1));
        fs.cpSync(e2eEnv.RECORDINGS_DIR, path.join(flowsDir, "recordings"), { recursive: true });
        const flowsDist = `${distDir}-flows`;
        const buildCache = path.resolve(root, distDir, "cache");
        fs.rmSync(path.resolve(root, flowsDist), { recursive: true, force: true });
        fs.cpSync(path.resolve(root, distDir), path.resolve(root, flowsDist), { recursive: true, filter: (src) => src !== buildCache });
        const flowsPorts = [await freeOther(), await freeOther()];
        const flowsLiveKit = await startLiveKitForRun(flowsPorts[0], flowsDir);
        try {
          const flowsEnv = worldEnv("flows", flowsPorts, flowsDir, flowsUrl.toString(), flowsDist, flowsLiveKit.env);
          const cli = "node_modules/@playwright/test/cli.js";
          await node(cli, ["test"], e2eEnv);
          await node(cli, ["test"], flowsEnv);
        } finally {
          await flowsLiveKit.stop();
        }
        suites.push(["e2e read-only", counts(path.join(results, "e2e.json"))]);
        suites.push(["e2e flows", counts(path.join(flowsDir, "e2e.json"))]);
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
