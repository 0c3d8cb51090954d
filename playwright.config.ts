// Browser tests in Chromium against the production build. scripts/test.mjs prepares the database
// (DATABASE_URL, migrated and seeded) and the build (PLENARY_DIST_DIR) before calling this.
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "./e2e/chromium";

const port = Number(process.env.PLENARY_E2E_PORT ?? 3100);
// A second instance of the same build on the same database: live changes must cross instances.
const port2 = Number(process.env.PLENARY_E2E_PORT2 ?? 3102);
const results = process.env.PLENARY_TEST_RESULTS ?? ".data/test-results";
const flowsAlone = !!process.env.PLENARY_E2E_FLOWS_ALONE;
if (!process.env.DATABASE_URL) throw new Error("Run the browser tests through `npm test`, which prepares their database.");

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  forbidOnly: !!process.env.CI,
  workers: 2,
  // Waits, not speed limits: the production build answers two workers at once on a 2-core machine,
  // beside the accessibility sweep, where a first navigation or render can pass expect's default 5 s.
  // Speed is measured in bench/, never here.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The flows run again on their own (see below) keep their report and traces apart: Playwright
  // empties its outputDir first, which would delete those of the failure that made the run necessary.
  outputDir: `${results}/${flowsAlone ? "artifacts-flows" : "artifacts"}`,
  reporter: [["list"], ["json", { outputFile: `${results}/${flowsAlone ? "e2e-flows.json" : "e2e.json"}` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "en-GB",
    timezoneId: "Asia/Seoul",
    launchOptions: {
      executablePath: chromiumExecutable,
      args: chromiumArgs,
    },
  },
  // Read-only specs first; the *.flow.spec.ts files change data (registrations, settings), so
  // they run after them, one at a time.
  projects: [
    { name: "setup", use: { browserName: "chromium" }, testMatch: /\.setup\.ts$/ },
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: /\.flow\.spec\.ts$/, dependencies: ["setup"] },
    // PLENARY_E2E_FLOWS_ALONE: scripts/test.mjs runs the flows again after only the sign-in, when a
    // failing read-only spec made Playwright skip them (a dependency that fails skips its dependents).
    {
      name: "flows",
      use: { browserName: "chromium" },
      testMatch: /\.flow\.spec\.ts$/,
      dependencies: flowsAlone ? ["setup"] : ["chromium"],
      fullyParallel: false,
      workers: 1,
    },
  ],
  webServer: [port, port2].map((p) => ({
    command: `node node_modules/next/dist/bin/next start -p ${p} -H 127.0.0.1`,
    url: `http://127.0.0.1:${p}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
