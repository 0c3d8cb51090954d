// `npm run bench`: every benchmark in BENCHMARKS, one after another, each in its own process with
// the arguments given here (`npm run bench -- --quick` gives each --quick). The production build
// is made (or found current) once, before the first one, and every benchmark of the run uses it
// even if a source file changes meanwhile. Names after the options pick benchmarks by file name
// (`npm run bench -- --quick agenda token`). A benchmark whose file is not there is listed as
// missing; one that fails does not stop the others, and the run exits non-zero at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { machineLine } from "./lib";
import { ensureBuild } from "./server";

/** In the order they run: in-process ones first, then those against `next start`, then real rooms. */
const BENCHMARKS = [
  "registration.ts",
  "join-storm.ts",
  "read-load.ts",
  "registration-burst.ts",
  "webhooks.ts",
  "qa-votes.ts",
  "hls-viewers.ts",
  "recording-range.ts",
  "first-frame.ts",
  "room-load.ts",
  "audience-load.ts",
  "captions.ts",
];
/** Benchmarks that never start the app: no build needed for a run of only these. */
const WITHOUT_APP = new Set(["registration.ts", "join-storm.ts", "first-frame.ts", "audience-load.ts", "captions.ts"]);

const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith("-"));
const names = args.filter((a) => !a.startsWith("-"));
const chosen = names.length ? BENCHMARKS.filter((f) => names.some((n) => f.includes(n))) : BENCHMARKS;

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, file), ...options], {
      stdio: "inherit",
      env: { ...process.env, PLENARY_BENCH_BUILT: "1" },
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  if (!chosen.length) throw new Error(`no benchmark matches ${names.join(", ")} (there are: ${BENCHMARKS.join(", ")})`);
  console.log(`[bench] ${machineLine()} — ${os.cpus().length} cores; ${chosen.join(", ")}${options.length ? ` with ${options.join(" ")}` : ""}`);
  const started = performance.now();
  const summary: string[] = [];
  if (chosen.some((f) => !WITHOUT_APP.has(f))) {
    const t = performance.now();
    ensureBuild(process.env);
    summary.push(`| build (once for the run) | ok | ${((performance.now() - t) / 1000).toFixed(0)} |`);
  }
  let failed = 0;
  for (const file of chosen) {
    if (!fs.existsSync(path.join(import.meta.dirname, file))) {
      summary.push(`| ${file} | missing | 0 |`);
      continue;
    }
    console.log(`\n[bench] ── ${file} ──`);
    const t = performance.now();
    const code = await run(file);
    if (code !== 0) failed++;
    summary.push(`| ${file} | ${code === 0 ? "ok" : `failed (exit ${code})`} | ${((performance.now() - t) / 1000).toFixed(0)} |`);
  }
  console.log(`\n[bench] run of ${chosen.length} benchmarks — ${os.cpus().length} cores, ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  console.log("| benchmark | result | seconds |\n|---|---|---|");
  for (const line of summary) console.log(line);
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
