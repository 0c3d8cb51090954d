export function isPortFree(port: number): Promise<boolean>;
export function freePort(): Promise<number>;
export function startEmbeddedPostgres(opts: { dataDir: string; port: number; log?: (m: string) => void }): Promise<{ url: string; stop: () => Promise<void> }>;
export function defaultDataDir(root: string): string;
