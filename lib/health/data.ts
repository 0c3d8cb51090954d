// Liveness of the parts the app needs; /api/health reports it.
import "server-only";
import { db } from "@/lib/db";

const TIMEOUT_MS = 2000;

export async function checkDatabase(): Promise<"ok" | "unreachable"> {
  const timeout = new Promise<"unreachable">((resolve) => setTimeout(() => resolve("unreachable"), TIMEOUT_MS));
  const probe = db.$queryRaw`SELECT 1`.then(() => "ok" as const).catch(() => "unreachable" as const);
  return Promise.race([probe, timeout]);
}
