// The local speech engine (lib/captions/whisper_engine.py, faster-whisper) as a child process:
// channels of 16 kHz mono PCM in, interim and final captions out. One process serves every channel
// of a forum's room; the model is loaded once. Its pipe protocol is described in the Python file.
import { spawn, type ChildProcessByStdio } from "node:child_process";
import { EventEmitter } from "node:events";
import path from "node:path";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";

export const ENGINE_RATE = 16_000;
const OPEN = 1;
const AUDIO = 2;
const CLOSE = 3;

export interface EngineOptions {
  /** A Python with faster-whisper installed (CAPTIONS_PYTHON). */
  python: string;
  /** A CTranslate2 Whisper model folder (CAPTIONS_MODEL_DIR): model.bin, config.json, tokenizer.json, vocabulary.txt. */
  modelDir: string;
  /** CPU threads for decoding (CAPTIONS_THREADS). */
  threads?: number;
  /** Seconds of new speech between two interim captions (each re-decodes the utterance so far). */
  interimSeconds?: number;
  /** The PATH the engine runs with (none of the app's secrets are passed to it). */
  path?: string;
}

/** One caption as the engine reports it: `start`/`end` in seconds on the channel's own audio clock. */
export interface EngineCaption {
  channel: number;
  segment: number;
  final: boolean;
  text: string;
  language: string;
  start: number;
  end: number;
}

function frame(type: number, channel: number, payload: Buffer | Uint8Array = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(7);
  head.writeUInt8(type, 0);
  head.writeUInt16LE(channel, 1);
  head.writeUInt32LE(payload.byteLength, 3);
  return Buffer.concat([head, payload]);
}

/** What the room's captions need of an engine: SpeechEngine, or SupervisedEngine around it. */
export interface CaptionEngine {
  open(language: string | null): number;
  push(channel: number, pcm: Int16Array): void;
  close(channel: number): void;
  stop(): Promise<void>;
  on(event: "caption", listener: (c: EngineCaption) => void): unknown;
  on(event: "closed", listener: (channel: number) => void): unknown;
}

export class SpeechEngine extends EventEmitter<{ caption: [EngineCaption]; closed: [number]; exit: [number | null] }> {
  private nextChannel = 0;
  private closed = false;

  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, Readable>) {
    super();
    child.on("exit", (code) => {
      this.closed = true;
      this.emit("exit", code);
    });
    child.stdin.on("error", () => undefined); // the process ended; "exit" says so
  }

  /** Starts the engine and resolves once its model is loaded. */
  static start(options: EngineOptions): Promise<SpeechEngine> {
    const script = path.join(import.meta.dirname, "whisper_engine.py");
    const args = [script, "--model", options.modelDir, "--threads", String(options.threads ?? 1), ...(options.interimSeconds ? ["--interim", String(options.interimSeconds)] : [])];
    // The engine needs no configuration of the app's: only a PATH, and never the network.
    const child = spawn(options.python, args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: { NODE_ENV: "production", PATH: options.path ?? "/usr/local/bin:/usr/bin:/bin", HF_HUB_OFFLINE: "1", PYTHONUNBUFFERED: "1" },
    });
    const engine = new SpeechEngine(child);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    return new Promise((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      lines.on("line", (line) => {
        let message: Partial<EngineCaption> & { ready?: boolean; closed?: boolean };
        try {
          message = JSON.parse(line);
        } catch {
          return;
        }
        if (message.ready) resolve(engine);
        else if (message.closed && typeof message.channel === "number") engine.emit("closed", message.channel);
        else if (typeof message.text === "string") engine.emit("caption", message as EngineCaption);
      });
      child.on("error", reject);
      child.on("exit", (code) => reject(new Error(`the speech engine stopped (${code}) before its model loaded: ${stderr.trim()}`)));
    });
  }

  /** The engine's process id (for measuring its CPU). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** A new channel (numbered by the engine, or `channel`); `language` null lets the engine detect each utterance's language. */
  open(language: string | null, channel = this.nextChannel++ % 65_536): number {
    this.write(frame(OPEN, channel, Buffer.from(JSON.stringify({ language }))));
    return channel;
  }

  /** 16 kHz mono PCM for a channel. */
  push(channel: number, pcm: Int16Array): void {
    this.write(frame(AUDIO, channel, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength)));
  }

  /** The channel's last words become final; then it is gone ("closed" says so). */
  close(channel: number): void {
    this.write(frame(CLOSE, channel));
  }

  /** Ends the engine once it has answered everything sent so far. */
  async stop(): Promise<void> {
    if (this.closed) return;
    const exited = new Promise<void>((resolve) => this.once("exit", () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  }

  private write(data: Buffer): void {
    if (!this.closed) this.child.stdin.write(data);
  }
}
