// The captions engine's speed and quality (issue 23): fixed clips spoken by espeak-ng (English, and
// Korean with espeak's Korean voice), each sent through the engine as the worker sends a track —
// 16 kHz PCM on its own channel at the pace of speech, interim captions on the way. Prints the
// real-time factor per stream (the engine process's CPU time / the audio's duration: 1/RTF
// streams fit on one core), how long after the speech ends its final caption comes, and the
// word error rate (and character error rate) against the text spoken.
// Needs the engine (node scripts/captions-engine.mjs) and espeak-ng. Run: npm run bench:captions
// (--quick: three clips per language; --threads=N; --interim=S: seconds between interim captions).
import fs from "node:fs";
import { findCaptionsEngine } from "../scripts/lib/captions-engine.mjs";
import { ENGINE_RATE, SpeechEngine } from "../lib/captions/engine";
import { spokenPcm } from "../test/speech";
import { machineLine } from "./lib";

const ENGLISH = [
  "Good morning and welcome to the second workshop on air quality forecasting.",
  "Fine dust concentrations in Seoul rose sharply during the first week of December.",
  "Our forecast model combines satellite observations with ground station measurements.",
  "The Chinese delegation will present the results of the joint monitoring campaign.",
  "Diesel trucks remain the largest source of nitrogen oxides in the capital region.",
  "We propose to exchange hourly forecast data between the two ministries.",
  "Emissions from power plants fell by twenty percent over the last five years.",
  "Please send your questions to the moderator using the chat panel.",
  "The next session will begin after a ten minute break.",
  "Thank you all for joining this conference on clean air for both countries.",
];
const KOREAN = [
  "안녕하십니까 대기질 예보 워크숍에 오신 것을 환영합니다",
  "서울의 미세먼지 농도가 크게 높아졌습니다",
  "두 나라는 예보 자료를 매일 교환하기로 합의했습니다",
  "경유 화물차가 가장 큰 배출원입니다",
  "잠시 휴식 후 다음 세션을 시작하겠습니다",
];

const quick = process.argv.includes("--quick");
const threads = Number(process.argv.find((a) => a.startsWith("--threads="))?.slice(10) ?? 2);
const interim = Number(process.argv.find((a) => a.startsWith("--interim="))?.slice(10) ?? 0) || undefined;

/** User + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number | undefined): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Levenshtein distance between two sequences. */
function distance<T>(a: T[], b: T[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
const numbers: Record<string, string> = { twenty: "20", ten: "10", five: "5", two: "2" };
const words = (s: string) =>
  normalize(s)
    .split(" ")
    .filter(Boolean)
    .map((w) => numbers[w] ?? w);

async function measure(engine: SpeechEngine, text: string, language: string, voice: string) {
  // A second of quiet after: the pause that ends it.
  const pcm = spokenPcm(text, { voice, quietBefore: 0 });
  const finals: string[] = [];
  const channel = engine.open(language);
  const onCaption = (c: { channel: number; final: boolean; text: string }) => {
    if (c.channel === channel && c.final) finals.push(c.text);
  };
  engine.on("caption", onCaption);
  const done = new Promise<void>((resolve) => {
    const onClosed = (c: number) => {
      if (c !== channel) return;
      engine.off("closed", onClosed);
      engine.off("caption", onCaption);
      resolve();
    };
    engine.on("closed", onClosed);
  });
  const cpuBefore = cpuSeconds(engine.pid);
  // At the pace of speech, 100 ms at a time, as a track's frames arrive.
  const step = ENGINE_RATE / 10;
  const started = performance.now();
  for (let i = 0; i < pcm.length; i += step) {
    engine.push(channel, pcm.subarray(i, i + step));
    const due = started + ((i + step) / ENGINE_RATE) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  const spoken = performance.now();
  engine.close(channel);
  await done;
  const delay = (performance.now() - spoken) / 1000;
  const seconds = cpuSeconds(engine.pid) - cpuBefore;
  const heard = finals.join(" ");
  const wer = distance(words(heard), words(text)) / words(text).length;
  const chars = (s: string) => [...normalize(s).replace(/ /g, "")];
  const cer = distance(chars(heard), chars(text)) / chars(text).length;
  return { audio: pcm.length / ENGINE_RATE, seconds, delay, wer, cer, heard };
}

async function main() {
  const found = findCaptionsEngine();
  if (!found) throw new Error("the captions engine is not installed: node scripts/captions-engine.mjs");
  const engine = await SpeechEngine.start({ python: found.python, modelDir: found.modelDir, threads, interimSeconds: interim });
  const sets = [
    { label: "English", language: "en", voice: "en-us", clips: quick ? ENGLISH.slice(0, 3) : ENGLISH },
    { label: "Korean", language: "ko", voice: "ko", clips: quick ? KOREAN.slice(0, 3) : KOREAN },
  ];
  console.log(`\nCaptions engine: faster-whisper 1.2.1, Whisper base (int8), ${threads} thread(s), an interim caption every ${interim ?? 2} s of speech — ${machineLine()}`);
  console.log("| clips | audio s | engine CPU s | real-time factor | streams per core | final caption after speech, median s | WER | CER | worst clip heard |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const set of sets) {
    const results = [];
    for (const text of set.clips) results.push(await measure(engine, text, set.language, set.voice));
    const audio = results.reduce((s, r) => s + r.audio, 0);
    const seconds = results.reduce((s, r) => s + r.seconds, 0);
    const wer = results.reduce((s, r) => s + r.wer, 0) / results.length;
    const cer = results.reduce((s, r) => s + r.cer, 0) / results.length;
    const worst = results.reduce((a, b) => (b.wer > a.wer ? b : a));
    const rtf = seconds / audio;
    const delays = results.map((r) => r.delay).sort((a, b) => a - b);
    const median = delays[Math.floor(delays.length / 2)];
    console.log(
      `| ${set.label}, ${results.length} espeak-ng clips | ${audio.toFixed(1)} | ${seconds.toFixed(1)} | ${rtf.toFixed(2)} | ${(1 / rtf).toFixed(1)} | ${median.toFixed(2)} | ${(wer * 100).toFixed(1)} % | ${(cer * 100).toFixed(1)} % | “${worst.heard}” |`,
    );
  }
  await engine.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
