// Types of livekit.mjs for the TypeScript tests that start the LiveKit server.
export const LIVEKIT_API_KEY: string;
export const LIVEKIT_API_SECRET: string;
export const cachedServerPath: string;

export interface LiveKitServer {
  /** ws://127.0.0.1:<port>, what clients connect to. */
  url: string;
  /** http://127.0.0.1:<port>, the RoomService API. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  ports: { signalPort: number; tcpPort: number; udpPort: number };
  configFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  bin?: string | null;
  webhookUrls?: string[];
  logFile?: string;
  logLevel?: "debug" | "info" | "warn" | "error";
  timeoutMs?: number;
}

export function findLiveKitServer(env?: NodeJS.ProcessEnv): string | null;
export function renderConfig(values: Record<string, unknown> & { webhookUrls: string[] }): string;
export function startLiveKit(opts?: StartOptions): Promise<LiveKitServer>;
export function startLiveKitForTests(opts?: Omit<StartOptions, "bin">): Promise<(LiveKitServer & { version: string }) | { skipped: string }>;
