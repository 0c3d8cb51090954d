// A second app instance whose database is unreachable: health says which part failed, and pages
// show the error page rather than a stack trace.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";

const port = Number(process.env.PLENARY_E2E_PORT ?? 3100) + 1;
let app: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    env: { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/plenary" },
    stdio: "ignore",
  });
  // Up to a minute: a production server starting beside two browser workers on two cores.
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/health`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("the second app instance did not start");
});

test.afterAll(() => {
  app?.kill("SIGTERM");
});

test("health answers 503 naming the database", async ({ request }) => {
  const res = await request.get(`http://127.0.0.1:${port}/api/health`);
  expect(res.status()).toBe(503);
  expect(await res.json()).toMatchObject({ status: "error", db: "unreachable" });
});

// Pages rendered per request: the agenda without filters may come from the cache this instance
// shares with the others (the same build), which keeps it readable while the database is away.
test("pages show a clear, localized error instead of a stack trace", async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/ko/events/clean-sky-2021/agenda?day=2021-11-22`);
  await expect(page.getByTestId("error-page")).toContainText("문제가 발생했습니다");
  await expect(page.locator("body")).not.toContainText("PrismaClient");
  await expect(page.locator("body")).not.toContainText(/at \w+ \(/);
});

test("an internal error answers without a stack trace, the database address or any secret", async ({ request }) => {
  const secrets = ["nobody:nothing", "postgresql://", "127.0.0.1:1/", process.env.AUTH_SECRET, process.env.LIVEKIT_API_SECRET ?? "secret"].filter(Boolean) as string[];
  // A stack frame ("at fn (/app/x.js:1:2)" or "at /app/x.js:1:2"), the driver's error, a module path.
  const stack = /\bat (\S+ \()?\S+\.(ts|js|mjs):\d+:\d+|ECONNREFUSED|PrismaClient|node_modules\//;
  const api = await request.get(`http://127.0.0.1:${port}/api/events/clean-sky-2021/agenda.ics`);
  expect(api.status()).toBe(500);
  expect(await api.json()).toEqual({ error: { code: "INTERNAL", message: "Internal error" } });
  // The whole HTML, inline RSC payload included, not only the visible text.
  for (const path of ["/ko/events/clean-sky-2021", "/ko/events/clean-sky-2021/agenda?forum=forecast", "/en/events/clean-sky-2021/recordings"]) {
    const res = await request.get(`http://127.0.0.1:${port}${path}`);
    expect(res.status(), path).toBe(500);
    const html = await res.text();
    expect(html, path).not.toMatch(stack);
    for (const s of secrets) expect(html, path).not.toContain(s);
  }
});
