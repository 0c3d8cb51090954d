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
  /** The server's process id (its CPU and memory are read from /proc by the benchmarks). */
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  bin?: string | null;
  webhookUrls?: string[];
  logFile?: string;
  logLevel?: "debug" | "info" | "warn" | "error";
  timeoutMs?: number;
  /** host:port of the Redis this server shares with the other nodes of its cluster. */
  redisAddress?: string;
}

export interface LiveKitNode extends LiveKitServer {
  /** The id the node registered in Redis (`ND_…`), as `room_node_map` names a room's host. */
  nodeId: string;
  logFile: string;
}

export interface LiveKitCluster {
  nodes: LiveKitNode[];
  redisPort: number;
  apiKey: string;
  apiSecret: string;
  logDir: string;
  stop(): Promise<void>;
}

export interface ClusterOptions extends Omit<StartOptions, "webhookUrls" | "redisAddress" | "logFile"> {
  redisBin?: string | null;
  nodes?: number;
  /** The same URLs for every node, or node i's own. */
  webhookUrls?: string[] | ((node: number) => string[]);
  logDir?: string;
}

export function findLiveKitServer(env?: NodeJS.ProcessEnv): string | null;
export function renderConfig(values: Record<string, unknown> & { webhookUrls: string[] }): string;
export function startLiveKit(opts?: StartOptions): Promise<LiveKitServer>;
export function startLiveKitForTests(opts?: Omit<StartOptions, "bin">): Promise<(LiveKitServer & { version: string }) | { skipped: string }>;
export function startLiveKitCluster(opts?: ClusterOptions): Promise<LiveKitCluster>;
export function startLiveKitClusterForTests(opts?: Omit<ClusterOptions, "bin" | "redisBin">): Promise<LiveKitCluster | { skipped: string }>;
