// The production build started as an operator would start it (`next start`, NODE_ENV=production):
// it refuses configuration that only suits a local run, naming each variable, and keeps the local
// run's opt-out to loopback addresses; started properly, it counts the connection's address for
// its limits, never an X-Forwarded-For the client wrote (no proxy is trusted by default).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { ensureDatabase, migrate } from "../scripts/lib/migrate.mjs";
import { freePort } from "../scripts/lib/postgres.mjs";

/** Starts `next start` with `env` on top of a production environment without the test run's opt-out. */
async function start(env: Record<string, string>) {
  const port = await freePort();
  const base: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", PLENARY_LOCAL_RUN: "", AUTH_SECRET: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "", PUBLIC_BASE_URL: "" };
  const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...base, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stdout.on("data", (d) => (output += d));
  app.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
  return { url: `http://127.0.0.1:${port}`, app, exited, output: () => output };
}

test.describe("a production start", () => {
  test.slow();

  test("refuses LiveKit's development keys, a missing AUTH_SECRET and an http address, one message per variable", async () => {
    const server = await start({});
    expect(await server.exited).toBe(1);
    const lines = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("  - "));
    expect(lines.map((l) => l.slice(4).split(" ")[0])).toEqual(["AUTH_SECRET", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "PUBLIC_BASE_URL"]);
    expect(server.output()).toContain("Refusing to start in production");
  });

  test("allows the local run's opt-out (npm start, npm test) only on a loopback address", async () => {
    const server = await start({ PLENARY_LOCAL_RUN: "1", PUBLIC_BASE_URL: "http://plenary.example.org", AUTH_SECRET: crypto.randomBytes(32).toString("base64url") });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("LIVEKIT_API_SECRET is LiveKit's public development secret");
    expect(server.output()).toContain("only when PUBLIC_BASE_URL is a loopback address");
  });

  test("configured properly, it starts and limits sign-in failures by the connection's address, whatever X-Forwarded-For a client invents", async () => {
    // A database of its own: this test spends its address's sign-in failures.
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `${url.pathname}_xff`;
    await ensureDatabase(url.toString());
    await migrate(url.toString(), "prisma/migrations");
    const server = await start({
      DATABASE_URL: url.toString(),
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      LIVEKIT_API_KEY: "APIplenaryTest",
      LIVEKIT_API_SECRET: crypto.randomBytes(32).toString("base64url"),
      PUBLIC_BASE_URL: "https://plenary.example.org",
    });
    try {
      await expect.poll(async () => (await fetch(`${server.url}/api/health`).catch(() => null))?.status, { timeout: 30_000 }).toBe(200);
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const attempt = async (i: number) => {
        const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `203.0.113.${i}` },
          body: new URLSearchParams({ csrfToken, email: `nobody-${i}@e2e.example`, password: "a wrong password" }),
        });
        return new URL(res.headers.get("location") ?? "", server.url).searchParams.get("code");
      };
      // Thirty failures from one address, each under a made-up forwarded address and another account…
      for (let i = 0; i < 30; i++) expect(await attempt(i)).toBe("credentials");
      // …and the address waits: the forwarded addresses counted for nothing.
      expect(await attempt(30)).toBe("rate_limited");
    } finally {
      server.app.kill("SIGTERM");
      await server.exited;
    }
  });
});
