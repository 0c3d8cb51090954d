// Camera and microphone are allowed only in rooms, and a document keeps the Permissions-Policy it
// was loaded with: so every way into a room must load the room's document in full. Proven here by
// the camera working after following Join from a session page, and after signing in on the way.
//
// Test-only DB change (hence a flow spec): the "forecast" forum is moved to now, as in
// room.flow.spec.ts, so its Join link shows; afterAll puts the publication back.
import { expect, test, type Page } from "@playwright/test";
import { forumOpenDuringSpec } from "./open-forum";
import { RoomPage } from "./pages/room-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(60_000);

const forum = forumOpenDuringSpec("forecast");

/** Whether this document may use the camera, and whether asking for it actually gives a track. */
async function camera(page: Page): Promise<{ allowed: boolean; track: string }> {
  return page.evaluate(async () => {
    const allowed = (document as unknown as { featurePolicy: { allowsFeature(f: string): boolean } }).featurePolicy.allowsFeature("camera");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      const kinds = stream
        .getTracks()
        .map((t) => t.kind)
        .sort()
        .join("+");
      stream.getTracks().forEach((t) => t.stop());
      return { allowed, track: kinds };
    } catch (err) {
      return { allowed, track: (err as Error).name };
    }
  });
}

/** Counts the full document loads of `page` (a client-side navigation makes none). */
function documentLoads(page: Page): () => number {
  let loads = 0;
  page.on("request", (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) loads++;
  });
  return () => loads;
}

test("Join on a session page loads the room in full, where camera and microphone work; the session page has neither", async ({ browser }) => {
  const room = new RoomPage(await organizerPage(browser));
  await room.page.goto(`/en/sessions/${forum.firstSessionId()}`);
  expect(await camera(room.page)).toEqual({ allowed: false, track: "NotAllowedError" });
  const loads = documentLoads(room.page);
  await room.page.getByTestId("join-link").click();
  await expect(room.page).toHaveURL(new RegExp(`/en/sessions/${forum.firstSessionId()}/live$`));
  await expect(room.prejoin).toBeVisible();
  expect(loads()).toBeGreaterThan(0);
  expect(await camera(room.page)).toEqual({ allowed: true, track: "audio+video" });
  await room.enter();
  await expect(room.button("Microphone on")).toHaveAttribute("aria-pressed", "true");
});

test("signing in with a password on the way to a room lands in the room with its camera permission", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/zh/sessions/${forum.firstSessionId()}/live`);
  await expect(page).toHaveURL(/\/zh\/sign-in\?callbackUrl=/);
  const form = page.locator("form", { has: page.getByLabel("密码", { exact: true }) });
  await form.getByLabel("电子邮箱").fill("organizer.cn@plenary.test");
  await form.getByLabel("密码", { exact: true }).fill("clean-sky-organizer");
  const loads = documentLoads(page);
  await form.locator("button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/zh/sessions/${forum.firstSessionId()}/live$`));
  await expect(page.getByTestId("prejoin")).toBeVisible();
  expect(loads()).toBeGreaterThan(0);
  expect(await camera(page)).toEqual({ allowed: true, track: "audio+video" });
});
