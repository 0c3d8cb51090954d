// `npm start`: installs what is missing, starts the embedded PostgreSQL (unless DATABASE_URL is
// set), applies migrations, seeds Clean Sky 2021 (additively), starts a local LiveKit server when
// one is installed (unless LIVEKIT_URL is set), builds when the sources changed and serves on
// http://localhost:3000, with the live captions worker beside it when the speech engine is
// installed. Ctrl-C stops the app, then the worker, LiveKit and the database. `--dev` runs
// `next dev` instead of the production build; `--demo` also moves a small demo event's forum to
// now, so a live room can be tried at once.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startLocalCaptions } from "./lib/local-captions.mjs";
import { startLocalLiveKit } from "./lib/local-livekit.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const demo = process.argv.includes("--demo");
const dataDir = path.join(root, ".data");
const log = (m) => console.log(`[plenary] ${m}`);

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal})`);
}

function ensureInstalled() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** A fingerprint of everything the production build depends on; rebuild when it changes. */
function sourceStamp() {
  const hash = crypto.createHash("sha256");
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (name !== "generated" && name !== "node_modules") walk(path.join(p, name));
    } else hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ["app", "components", "lib", "messages", "prisma/schema", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"]) {
    const full = path.join(root, p);
    if (fs.existsSync(full)) walk(full);
  }
  return hash.digest("hex");
}

function ensureBuilt(env) {
  const stampFile = path.join(dataDir, "build-stamp");
  const stamp = sourceStamp();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
  if (built) return;
  log("Building the production bundle (next build)…");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], env);
  fs.writeFileSync(stampFile, stamp);
}

async function main() {
  ensureInstalled();
  fs.mkdirSync(dataDir, { recursive: true });
  const { prepareDatabase } = await import("./lib/database.mjs");
  const db = await prepareDatabase({ log });
  let livekit = null;
  let captions = null;
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    await captions?.stop();
    await livekit?.stop();
    await db.stop();
    log("Stopped.");
    process.exit(code);
  };
  try {
    const port = process.env.PORT ?? "3000";
    const publicUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
    const env = {
      ...process.env,
      DATABASE_URL: db.databaseUrl,
      AUTH_SECRET: authSecret(),
      PUBLIC_BASE_URL: publicUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // A local run: the production build may start with LiveKit's development keys and an http
      // address, with a warning. The app allows that only on a loopback PUBLIC_BASE_URL, so a
      // server given a public address still refuses them (lib/env.ts).
      PLENARY_LOCAL_RUN: "1",
    };
    log("Seeding the Clean Sky 2021 conference (existing data is kept)…");
    run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], env);
    if (demo) run(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed-demo.ts"], env);
    livekit = await startLocalLiveKit({ port, dataDir, log });
    Object.assign(env, livekit?.env ?? {});
    if (!dev) ensureBuilt(env);
    const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", port], { cwd: root, stdio: "inherit", env });
    captions = startLocalCaptions({ root, dataDir, env, log });
    log(`Plenary on http://localhost:${port} — Ctrl-C stops it.`);
    if (demo) log(`Demo: sign in as organizer.kr@plenary.test (password clean-sky-organizer) and open http://localhost:${port}/en/events/plenary-demo`);
    for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => app.kill("SIGTERM"));
    app.on("exit", (code) => shutdown(code ?? 0));
  } catch (err) {
    console.error(`[plenary] ${err.message}`);
    await shutdown(1);
  }
}

main().catch((err) => {
  console.error(`[plenary] ${err.message}`);
  process.exit(1);
});
