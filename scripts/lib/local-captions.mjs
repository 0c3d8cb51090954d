// `npm start`'s live captions: when the app has a LiveKit server and the speech engine is installed
// (node scripts/captions-engine.mjs, or CAPTIONS_PYTHON and CAPTIONS_MODEL_DIR), the captions
// worker (scripts/captions-worker.ts) runs beside the app with the app's settings, its log in
// .data/captions.log, and stops with it; otherwise one line says how to have captions.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findCaptionsEngine } from "./captions-engine.mjs";

export const CAPTIONS_HINT = "Live captions: off (no speech engine). `node scripts/captions-engine.mjs` installs one (Whisper base, ~150 MB); then `npm start` runs the captions worker too.";

/** The worker, started; null (and a line in the log) when captions cannot run here. */
export function startLocalCaptions({ root, dataDir, env, log }) {
  if (!env.LIVEKIT_URL) return null;
  const engine = findCaptionsEngine(env);
  if (!engine) {
    log(CAPTIONS_HINT);
    return null;
  }
  const logFile = path.join(dataDir, "captions.log");
  const out = fs.openSync(logFile, "a");
  const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/captions-worker.ts", "--port=0"], {
    cwd: root,
    env: { ...env, CAPTIONS_PYTHON: engine.python, CAPTIONS_MODEL_DIR: engine.modelDir },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  log(`Live captions: the captions worker runs beside the app (log: ${path.relative(process.cwd(), logFile)})`);
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  return {
    stop: async () => {
      if (worker.exitCode !== null) return;
      worker.kill("SIGTERM");
      // A job still draining is not waited for long: the app is stopping.
      const timer = setTimeout(() => worker.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
