// Speech made offline for the captions tests and benchmark: espeak-ng speaks `text`, ffmpeg makes
// it 16 kHz mono signed 16-bit PCM (what the captions engine and a LiveKit AudioSource take), with
// quiet before and after (a pause is what ends a caption).
import { spawnSync } from "node:child_process";

export const SPEECH_RATE = 16_000;

/** Whether espeak-ng is installed here (.ci/run installs it). */
export function espeakAvailable(): boolean {
  return spawnSync("espeak-ng", ["--version"]).status === 0;
}

export function spokenPcm(text: string, { voice = "en-us", quietBefore = 1, quietAfter = 1 }: { voice?: string; quietBefore?: number; quietAfter?: number } = {}): Int16Array {
  const wav = spawnSync("espeak-ng", ["-v", voice, "-s", "150", "--stdout", text], { maxBuffer: 64 << 20 });
  if (wav.status !== 0) throw new Error(`espeak-ng failed: ${wav.stderr}`);
  const raw = spawnSync("ffmpeg", ["-loglevel", "error", "-i", "pipe:0", "-ar", String(SPEECH_RATE), "-ac", "1", "-f", "s16le", "-"], { input: wav.stdout, maxBuffer: 64 << 20 });
  if (raw.status !== 0) throw new Error(`ffmpeg failed: ${raw.stderr}`);
  const pcm = new Int16Array(raw.stdout.buffer, raw.stdout.byteOffset, raw.stdout.byteLength / 2);
  const before = Math.round(quietBefore * SPEECH_RATE);
  const out = new Int16Array(before + pcm.length + Math.round(quietAfter * SPEECH_RATE));
  out.set(pcm, before);
  return out;
}
