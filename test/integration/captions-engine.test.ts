// The speech engine kept alive (lib/captions/supervised-engine.ts) with the real faster-whisper
// engine: killed mid-talk, it is started again by itself, the open channel goes on, and captions
// after the restart keep their place on the channel's clock and a segment number never used before.
import { afterAll, describe, expect, it } from "vitest";
import { findCaptionsEngine } from "../../scripts/lib/captions-engine.mjs";
import type { EngineCaption } from "../../lib/captions/engine";
import { restartDelay, SupervisedEngine } from "../../lib/captions/supervised-engine";
import { espeakAvailable, SPEECH_RATE, spokenPcm } from "../speech";

const engine = findCaptionsEngine();
const espeak = espeakAvailable();
const missing = !engine ? "the speech engine is not installed (node scripts/captions-engine.mjs)" : !espeak ? "espeak-ng is not installed" : null;
if (missing && process.env.CI === "true") throw new Error(`the captions engine tests cannot run: ${missing}`);

describe("restartDelay", () => {
  it("tries again at once, then waits longer each time, at most 30 seconds", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(restartDelay)).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});

describe.skipIf(!!missing)("the speech engine, started again when it dies (real faster-whisper)", () => {
  let supervised: SupervisedEngine | undefined;
  afterAll(async () => {
    await supervised?.stop();
  });

  it("captions the same channel on after a kill, later on its clock, under new segment numbers", async () => {
    const logged: string[] = [];
    supervised = await SupervisedEngine.start({ python: engine!.python, modelDir: engine!.modelDir, threads: 2 }, { log: (m) => logged.push(m) });
    const finals: EngineCaption[] = [];
    supervised.on("caption", (c) => c.final && finals.push(c));
    const channel = supervised.open("en");
    const waitFor = async (ok: () => boolean, what: string) => {
      for (const deadline = Date.now() + 60_000; !ok();) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log: ${logged.join(" | ")}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    const first = spokenPcm("Good morning and welcome to the conference.");
    supervised.push(channel, first);
    await waitFor(() => finals.length > 0, "the first final caption");
    const before = finals.at(-1)!;
    expect(before.text.toLowerCase()).toContain("welcome");

    const pid = supervised.pid!;
    const restarted = new Promise<void>((resolve) => supervised!.once("restarted", () => resolve()));
    process.kill(pid, "SIGKILL");
    // Audio while no engine runs is counted on the channel's clock, not captioned.
    supervised.push(channel, new Int16Array(SPEECH_RATE));
    await restarted;
    expect(supervised.pid).not.toBe(pid);
    expect(logged.some((m) => m.includes("starting another"))).toBe(true);

    const count = finals.length;
    const second = spokenPcm("The ministers agreed to cut fine dust from diesel trucks.");
    supervised.push(channel, second);
    await waitFor(() => finals.length > count, "a final caption after the restart");
    const after = finals.at(-1)!;
    expect(after.channel).toBe(channel);
    expect(after.text.toLowerCase()).toMatch(/diesel|trucks|ministers/);
    expect(after.segment).toBeGreaterThan(before.segment);
    // Spoken after the first clip and the second of quiet: its place on the channel's clock.
    const secondStarts = (first.length + SPEECH_RATE) / SPEECH_RATE;
    expect(after.start).toBeGreaterThanOrEqual(secondStarts);
    expect(after.start).toBeLessThan(secondStarts + 2);
  }, 120_000);
});
