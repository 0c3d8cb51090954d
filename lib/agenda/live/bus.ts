// The live bus of one app instance: a single dedicated PostgreSQL connection doing
// `LISTEN plenary_live`, fanned out to in-process subscribers (the open SSE streams).
// Any instance may make a change and any instance may serve a browser, so the only shared thing
// is PostgreSQL; nothing here is state another instance needs.
import "server-only";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { Coalescer } from "./coalesce";
import { LIVE_CHANNEL, parseLobbyMessage, parseQaMessage, parseStatusMessage, type LobbyMessage, type QaMessage, type StatusMessage } from "./message";

/**
 * `resync` follows every (re)connection: NOTIFYs sent while the listener was away are lost, so
 * subscribers re-read the state they show instead of trusting the gap was empty.
 */
export type BusSignal = { kind: "message"; message: StatusMessage } | { kind: "qa"; message: QaMessage } | { kind: "lobby"; message: LobbyMessage } | { kind: "resync" };
export type Subscriber = (signal: BusSignal) => void;

const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;
export const BUS_APPLICATION_NAME = "plenary-live-bus";
/** A session's questions or polls changing many times a second are announced once per this. */
export const QA_WINDOW_MS = 200;

export class LiveBus {
  private readonly subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private started = false;
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private listening = false;
  // Votes are many and each says only "read the list again": their subscribers hear of a burst a
  // few times a second, which is what the browsers read anyway, instead of once per vote.
  private readonly qa = new Coalescer<QaMessage>(QA_WINDOW_MS, (message) => this.emit({ kind: "qa", message }));

  constructor(private readonly connectionString: () => string) {}

  /** Starts listening on first use (never at build time); returns the unsubscribe function. */
  subscribe(fn: Subscriber): () => void {
    this.subscribers.add(fn);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return () => void this.subscribers.delete(fn);
  }

  get isListening(): boolean {
    return this.listening;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.qa.clear();
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => {});
  }

  private emit(signal: BusSignal) {
    for (const fn of this.subscribers) {
      try {
        fn(signal);
      } catch (err) {
        console.error("[live] a subscriber failed", err);
      }
    }
  }

  private async connect() {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString(), application_name: BUS_APPLICATION_NAME, keepAlive: true });
    this.client = client;
    client.on("notification", (n) => {
      if (n.channel !== LIVE_CHANNEL) return;
      const message = parseStatusMessage(n.payload);
      if (message) return this.emit({ kind: "message", message });
      const qa = parseQaMessage(n.payload);
      if (qa) return this.qa.push(`${qa.eventId}:${qa.sessionId}:${qa.what}`, qa);
      const lobby = parseLobbyMessage(n.payload);
      if (lobby) this.emit({ kind: "lobby", message: lobby });
    });
    // An idle connection that dies reports "error" and then "end"; either one starts a reconnect.
    client.on("error", (err) => this.drop(client, err));
    client.on("end", () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      if (this.client !== client) return;
      this.attempt = 0;
      this.listening = true;
      this.emit({ kind: "resync" });
    } catch (err) {
      this.drop(client, err);
    }
  }

  private drop(client: pg.Client, err?: unknown) {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    client.end().catch(() => {});
    if (this.closed) return;
    // Exponential backoff with jitter, so instances do not reconnect in lockstep after a restart.
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
    console.warn(`[live] listener connection lost${err instanceof Error ? ` (${err.message})` : ""}; reconnecting in ${Math.round(delay)} ms`);
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}

// One listener per process; dev-server reloads re-evaluate modules, so it lives on globalThis.
const holder = globalThis as unknown as { plenaryLiveBus?: LiveBus };

export function liveBus(): LiveBus {
  holder.plenaryLiveBus ??= new LiveBus(() => getEnv().DATABASE_URL);
  return holder.plenaryLiveBus;
}
