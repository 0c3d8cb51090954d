// Security headers and session cookie of the production build, read from real responses: a public
// page, an organizer page, a room page, an API route and the Egress layout page; the CSP lets every
// one of those pages run without a violation.
import { expect, test, type Page, type Response } from "@playwright/test";
import { ORGANIZER_STATE } from "./pages/sign-in-page";

const SLUG = "clean-sky-2021";
const liveKitUrl = process.env.LIVEKIT_URL ?? "ws://localhost:7880";
// organizer.kr signs in once in organizer.setup.ts; the cookie checks use the other organizer.
const COOKIE_ORGANIZER = { email: "organizer.cn@plenary.test", password: "clean-sky-organizer" };

type Agenda = { forums: { id: string; sessions: { id: string }[] }[] };
let agenda: Agenda;

test.beforeAll(async ({ request }) => {
  agenda = await (await request.get(`/api/events/${SLUG}/agenda`)).json();
});

const directive = (csp: string, name: string) => csp.split(/;\s*/).find((d) => d.startsWith(`${name} `)) ?? "";

/** Collects the Content-Security-Policy violations `page` reports from now on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

/** Opens `path`, lets it hydrate, and fails on any CSP violation reported meanwhile. */
async function open(page: Page, violations: string[], path: string): Promise<Response> {
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  await page.waitForLoadState("load");
  // Hydration and the first effects (live status stream, media preview) run just after load.
  await page.waitForTimeout(1000);
  expect(violations, path).toEqual([]);
  return res!;
}

async function openWithoutViolations(page: Page, path: string): Promise<Response> {
  return open(page, await watchViolations(page), path);
}

function expectPageHeaders(headers: Record<string, string>, { room }: { room: boolean }) {
  const csp = headers["content-security-policy"];
  expect(csp).toBeTruthy();
  expect(csp).not.toContain("unsafe-eval");
  for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
  expect(directive(csp, "default-src")).toBe("default-src 'self'");
  expect(directive(csp, "connect-src")).toContain(new URL(liveKitUrl).origin.replace(/^http/, "ws"));
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  const media = room ? "(self)" : "()";
  expect(headers["permissions-policy"]).toContain(`camera=${media}, microphone=${media}, display-capture=${media}`);
  // Plain http on loopback: never HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("a public page carries a strict CSP, no camera or microphone, and no HSTS over http", async ({ page }) => {
  const res = await openWithoutViolations(page, `/en/events/${SLUG}/agenda`);
  expect(res.status()).toBe(200);
  expectPageHeaders(res.headers(), { room: false });
});

test("a session page lets a speaker's photo given as an https address load, and no http one", async ({ page }) => {
  await openWithoutViolations(page, `/en/sessions/${agenda.forums[0].sessions[0].id}`);
  // The images only need to be asked for: nothing listens on port 9 of loopback.
  const blocked = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => seen.push(e.blockedURI));
    for (const src of ["https://127.0.0.1:9/speaker.png", "http://127.0.0.1:9/speaker.png"]) {
      const img = document.createElement("img");
      img.src = src;
      document.body.append(img);
    }
    await new Promise((r) => setTimeout(r, 500));
    return seen;
  });
  expect(blocked).toEqual(["http://127.0.0.1:9/speaker.png"]);
});

test("a session page of every locale runs under the CSP and keeps camera and microphone off", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const locale of ["ko", "zh", "en"]) {
    const res = await open(page, violations, `/${locale}/sessions/${agenda.forums[0].sessions[0].id}`);
    expect(res.status()).toBe(200);
    expectPageHeaders(res.headers(), { room: false });
    expect(await page.evaluate(() => (document as unknown as { featurePolicy: { allowsFeature(f: string): boolean } }).featurePolicy.allowsFeature("camera"))).toBe(false);
  }
});

test("an organizer page carries the same headers", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: ORGANIZER_STATE })).newPage();
  const res = await openWithoutViolations(page, `/en/organizer/events/${SLUG}/registrations`);
  expect(res.status()).toBe(200);
  expect(res.url()).toContain("/organizer/");
  expectPageHeaders(res.headers(), { room: false });
});

test("a room page allows camera, microphone and screen capture for itself only", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: ORGANIZER_STATE })).newPage();
  const res = await openWithoutViolations(page, `/en/sessions/${agenda.forums[1].sessions[0].id}/live`);
  expect(res.status()).toBe(200);
  expectPageHeaders(res.headers(), { room: true });
  await expect(page.getByTestId("prejoin")).toBeVisible();
});

test("the Egress layout page may reach the LiveKit server Egress names, and nothing else new", async ({ page }) => {
  const egressLiveKit = "ws://127.0.0.1:7999";
  const res = await openWithoutViolations(page, `/en/egress/${agenda.forums[0].id}?url=${encodeURIComponent(egressLiveKit)}&token=x`);
  expect(res.status()).toBe(200);
  const headers = res.headers();
  expectPageHeaders(headers, { room: false });
  expect(directive(headers["content-security-policy"], "connect-src")).toContain(egressLiveKit);
});

test("an API answer is data only: no sources, no framing, nosniff", async ({ request }) => {
  const res = await request.get(`/api/events/${SLUG}/agenda`);
  expect(res.status()).toBe(200);
  const headers = res.headers();
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("behind a TLS-terminating proxy (X-Forwarded-Proto: https) pages and API answers add HSTS", async ({ request }) => {
  for (const path of [`/en/events/${SLUG}/agenda`, `/api/events/${SLUG}/agenda`]) {
    const res = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
  }
});

/** Signs in through Auth.js's credentials callback and returns the session cookie's Set-Cookie line. */
async function sessionSetCookie(baseURL: string, proto: "http" | "https"): Promise<string> {
  const headers = { "x-forwarded-proto": proto };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, ...COOKIE_ORGANIZER, callbackUrl: `${baseURL}/en/me` }),
  });
  expect(res.status).toBe(302);
  const session = res.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  expect(session, "a session cookie after signing in").toBeTruthy();
  return session!;
}

test("the session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure only behind HTTPS", async ({ baseURL }) => {
  const attrs = (line: string) =>
    line
      .split(/;\s*/)
      .slice(1)
      .map((a) => a.toLowerCase());
  const plain = attrs(await sessionSetCookie(baseURL!, "http"));
  expect(plain).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
  expect(plain).not.toContain("secure");
  const secureLine = await sessionSetCookie(baseURL!, "https");
  expect(secureLine).toMatch(/^__Secure-authjs\.session-token=/);
  expect(attrs(secureLine)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));
});
