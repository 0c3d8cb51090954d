// Browser tests in Chromium against the production build. scripts/test.mjs prepares the database
// (DATABASE_URL, migrated and seeded) and the build (PLENARY_DIST_DIR) before calling this.
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "./e2e/chromium";

const port = Number(process.env.PLENARY_E2E_PORT ?? 3100);
// A second instance of the same build on the same database: live changes must cross instances.
const port2 = Number(process.env.PLENARY_E2E_PORT2 ?? 3102);
const results = process.env.PLENARY_TEST_RESULTS ?? ".data/test-results";
// scripts/test.mjs runs the whole suite as two worlds one after the other, each with its own
// database, app instances and LiveKit: "read-only" (the specs that only read) and "flows" (the *.flow.spec.ts
// files, which change data). Unset (one spec or a few, as asked): one world with every project.
const world = process.env.PLENARY_E2E_WORLD ?? "";
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
  outputDir: `${results}/artifacts`,
  reporter: [["list"], ["json", { outputFile: `${results}/e2e.json` }]],
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
  // they run after them (or in their own world), one at a time.
  projects: [
    { name: "setup", use: { browserName: "chromium" as const }, testMatch: /\.setup\.ts$/ },
    ...(world === "flows" ? [] : [{ name: "chromium", use: { browserName: "chromium" as const }, testIgnore: /\.flow\.spec\.ts$/, dependencies: ["setup"] }]),
    ...(world === "read-only"
      ? []
      : [
          {
            name: "flows",
            use: { browserName: "chromium" as const },
            testMatch: /\.flow\.spec\.ts$/,
            dependencies: world === "flows" ? ["setup"] : ["chromium"],
            fullyParallel: false,
            workers: 1,
            // A flow with several participants' fake cameras on two cores: waits, not speed limits.
            timeout: 120_000,
          },
        ]),
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
