export function migrationChecksum(script: string): string;
export function listMigrations(dir: string): { name: string; script: string; checksum: string }[];
export function migrate(databaseUrl: string, migrationsDir: string, log?: (m: string) => void): Promise<string[]>;
export function ensureDatabase(databaseUrl: string): Promise<void>;
export function dropDatabase(databaseUrl: string): Promise<void>;
