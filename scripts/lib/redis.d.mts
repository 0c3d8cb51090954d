// Types of redis.mjs for the TypeScript tests and benchmarks that start a LiveKit cluster.
export type RedisReply = string | number | Buffer | null | RedisReply[];

export function findRedisServer(env?: NodeJS.ProcessEnv): string | null;
export function redisCommand(port: number, ...args: (string | number)[]): Promise<RedisReply>;
export function redisHash(port: number, key: string): Promise<Record<string, string>>;
export function startRedis(opts?: { bin?: string | null; timeoutMs?: number }): Promise<{ port: number; address: string; pid: number; stop(): Promise<void> }>;
