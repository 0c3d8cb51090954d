// The speech engine kept running for as long as a room is captioned: if its Python process dies
// (a crash, the kernel's OOM killer), a new one is started in its place — at once, then after
// longer waits if it keeps failing — and every open channel is opened again under the same number.
// Captions keep their place on each channel's clock and their segment numbers keep rising, so a
// caption after the restart is never taken for one before it (lib/captions/store.ts keeps the
// first of a segment). What was said while no engine ran is not captioned.
import { EventEmitter } from "node:events";
import { ENGINE_RATE, SpeechEngine, type CaptionEngine, type EngineCaption, type EngineOptions } from "./engine";

interface OpenChannel {
  language: string | null;
  /** Samples pushed since the channel opened, dropped ones (no engine) included. */
  pushed: number;
  /** `pushed` when the current engine opened it: the engine's clock starts there. */
  base: number;
  /** Added to the current engine's segment numbers. */
  segmentBase: number;
  /** The next segment number no caption has used yet. */
  nextSegment: number;
  closing: boolean;
}

/** Waits before the n-th restart in a row that failed: 0, 1, 2, 4, … up to 30 seconds. */
export function restartDelay(failures: number): number {
  return failures === 0 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 1));
}

export interface SupervisorOptions {
  start?: (options: EngineOptions) => Promise<SpeechEngine>;
  log?: (message: string, error?: unknown) => void;
}

export class SupervisedEngine extends EventEmitter<{ caption: [EngineCaption]; closed: [number]; restarted: [] }> implements CaptionEngine {
  private engine: SpeechEngine | null = null;
  private readonly channels = new Map<number, OpenChannel>();
  private nextChannel = 0;
  private stopping = false;
  private readonly startEngine: (options: EngineOptions) => Promise<SpeechEngine>;
  private readonly log: (message: string, error?: unknown) => void;

  private constructor(
    private readonly options: EngineOptions,
    supervisor: SupervisorOptions,
  ) {
    super();
    this.startEngine = supervisor.start ?? SpeechEngine.start;
    this.log = supervisor.log ?? ((m, e) => console.error(`[captions] ${m}`, e ?? ""));
  }

  /** Starts the engine; resolves once its model is loaded (a first start that fails rejects). */
  static async start(options: EngineOptions, supervisor: SupervisorOptions = {}): Promise<SupervisedEngine> {
    const supervised = new SupervisedEngine(options, supervisor);
    supervised.attach(await supervised.startEngine(options));
    return supervised;
  }

  /** The running engine's process id (tests end it to see it come back). */
  get pid(): number | undefined {
    return this.engine?.pid;
  }

  private attach(engine: SpeechEngine): void {
    this.engine = engine;
    engine.on("caption", (c) => {
      const ch = this.channels.get(c.channel);
      if (!ch) return;
      const segment = ch.segmentBase + c.segment;
      ch.nextSegment = Math.max(ch.nextSegment, segment + 1);
      const offset = ch.base / ENGINE_RATE;
      this.emit("caption", { ...c, segment, start: c.start + offset, end: c.end + offset });
    });
    engine.on("closed", (channel) => {
      this.channels.delete(channel);
      this.emit("closed", channel);
    });
    engine.once("exit", (code) => {
      if (this.engine !== engine) return;
      this.engine = null;
      if (!this.stopping) void this.restart(code);
    });
    for (const [number, ch] of this.channels) {
      if (ch.closing) {
        // Its last words went with the engine that died.
        this.channels.delete(number);
        this.emit("closed", number);
        continue;
      }
      ch.base = ch.pushed;
      ch.segmentBase = ch.nextSegment;
      engine.open(ch.language, number);
    }
  }

  private async restart(code: number | null): Promise<void> {
    this.log(`the speech engine stopped (exit ${code}); starting another`);
    for (let failures = 0; !this.stopping; failures++) {
      await new Promise((r) => setTimeout(r, restartDelay(failures)));
      if (this.stopping) return;
      try {
        const engine = await this.startEngine(this.options);
        if (this.stopping) {
          await engine.stop();
          return;
        }
        this.attach(engine);
        this.emit("restarted");
        return;
      } catch (err) {
        this.log(`the speech engine did not start again (attempt ${failures + 1})`, err);
      }
    }
  }

  open(language: string | null): number {
    const number = this.nextChannel++ % 65_536;
    this.channels.set(number, { language, pushed: 0, base: 0, segmentBase: 0, nextSegment: 0, closing: false });
    this.engine?.open(language, number);
    return number;
  }

  push(channel: number, pcm: Int16Array): void {
    const ch = this.channels.get(channel);
    if (!ch || ch.closing) return;
    ch.pushed += pcm.length;
    this.engine?.push(channel, pcm);
  }

  close(channel: number): void {
    const ch = this.channels.get(channel);
    if (!ch) return;
    if (!this.engine) {
      this.channels.delete(channel);
      this.emit("closed", channel);
      return;
    }
    ch.closing = true;
    this.engine.close(channel);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.engine?.stop();
  }
}
