// Where the captions engine lives on this machine (scripts/captions-engine.mjs installs it there):
// a Python virtual environment with faster-whisper and the Whisper base model, outside the clone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const captionsDir = path.join(process.env.PLENARY_CACHE_DIR ?? path.join(os.homedir(), ".cache", "plenary"), "captions");
export const cachedPython = path.join(captionsDir, "venv", "bin", "python");
export const cachedModelDir = path.join(captionsDir, "whisper-base");

/** CAPTIONS_PYTHON and CAPTIONS_MODEL_DIR, else the installed cache; null when neither is there. */
export function findCaptionsEngine(env = process.env) {
  if (env.CAPTIONS_PYTHON && env.CAPTIONS_MODEL_DIR) return { python: env.CAPTIONS_PYTHON, modelDir: env.CAPTIONS_MODEL_DIR };
  if (fs.existsSync(cachedPython) && fs.existsSync(path.join(cachedModelDir, "model.bin"))) return { python: cachedPython, modelDir: cachedModelDir };
  return null;
}
