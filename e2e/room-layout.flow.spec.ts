// The room as people know meeting rooms, on the real LiveKit server: at a laptop's 1366×768 and a
// phone's 390×844 every control of the pre-join and the room is on screen without scrolling; a
// screen share takes the stage by itself and any tile can be pinned; a raised hand alerts the
// organizer; a late joiner reads the chat said before; switching the microphone in the room
// changes the published track.
//
// Like room.flow.spec.ts, beforeAll moves a forum (here "vehicles", no other spec's room) to now in
// the latest agenda publication and afterAll writes it back as it was.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { forumOpenDuringSpec } from "./open-forum";
import { RoomPage } from "./pages/room-page";
import { organizerPage, personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(150_000);

type Person = { email: string; name: string; role: string; forums: string[] };
const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as { people: Person[]; organizers: { email: string; name: string }[] };
const ORGANIZER_NAME = seed.organizers.find((o) => o.email === "organizer.kr@plenary.test")!.name;
const ofVehiclesOnly = (role: string) => seed.people.find((p) => p.role === role && p.forums.includes("vehicles") && !p.forums.includes("forecast") && !p.forums.includes("joint-research"))!;
const SPEAKER = ofVehiclesOnly("speaker");
const DELEGATE = ofVehiclesOnly("delegate");

const forum = forumOpenDuringSpec("vehicles");

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** Every button of the control bar lies wholly inside the window. */
async function expectControlsOnScreen(page: Page) {
  const buttons = page.getByRole("toolbar", { name: "Your controls" }).getByRole("button");
  expect(await buttons.count()).toBeGreaterThan(3);
  for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 });
}

test("at 1366×768 and 390×844 the pre-join's Join and every control of the room are on screen without scrolling", async ({ browser }) => {
  for (const viewport of [LAPTOP, PHONE]) {
    const organizer = new RoomPage(await organizerPage(browser, { viewport }));
    await organizer.openFromSession(forum.firstSessionId());
    await expect(organizer.prejoin.getByTestId("join")).toBeInViewport({ ratio: 1 });
    await organizer.enter();
    await expectControlsOnScreen(organizer.page);
    // On a phone the less frequent controls are behind More, and on screen when it opens.
    if (viewport === PHONE) {
      await organizer.page.getByTestId("more").click();
      for (const id of ["panel-agenda", "layout-toggle", "panel-settings", "record-toggle"]) await expect(organizer.page.locator("#room-more").getByTestId(id)).toBeInViewport({ ratio: 1 });
      await organizer.page.getByTestId("more").click();
    }
    // A panel on a phone covers the stage, with its close button on screen.
    await organizer.tab("People");
    await expect(organizer.page.getByTestId("close-panel")).toBeInViewport({ ratio: 1 });
    await expectControlsOnScreen(organizer.page);
    await organizer.page.context().close();
  }
});

test("a raised hand alerts the organizer, a late joiner reads the earlier chat, and a deleted message goes for everyone", async ({ browser }) => {
  const organizer = new RoomPage(await organizerPage(browser, { viewport: LAPTOP }));
  await organizer.openFromSession(forum.firstSessionId());
  await organizer.enter();
  await organizer.say("Welcome to the vehicles forum");
  await organizer.say("Slides follow after the break");
  await organizer.page.getByTestId("close-panel").click();

  // The delegate joins afterwards, on a phone, and reads what was said before.
  const delegate = new RoomPage(await personPage(browser, DELEGATE.email, { viewport: PHONE }));
  await delegate.openFromSession(forum.firstSessionId());
  await delegate.enter();
  await delegate.tab("Chat");
  await expect(delegate.chatMessage("Welcome to the vehicles forum")).toBeVisible();
  await expect(delegate.chatMessage("Slides follow after the break")).toBeVisible();

  // A hand goes up: the organizer's People button counts it and a toast says who, with the panel closed.
  await delegate.page.getByTestId("close-panel").click();
  await delegate.button("Raise hand").click();
  await expect(organizer.panelButton("people").getByTestId("badge")).toHaveText("1");
  const toast = organizer.page.getByTestId("toast").filter({ hasText: `${DELEGATE.name} raised a hand` });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Open" }).click();
  await expect(organizer.handQueue.getByTestId("queued-hand")).toHaveCount(1);

  // The delegate's message reaches the organizer as a toast and a count on Chat.
  await delegate.say("May I ask about charging standards?");
  await expect(organizer.panelButton("chat").getByTestId("badge")).toHaveText("1");
  await expect(organizer.page.getByTestId("toast").filter({ hasText: "May I ask about charging standards?" })).toBeVisible();

  // The organizer deletes a message: it goes from the delegate's chat at once.
  await organizer.tab("Chat");
  organizer.page.once("dialog", (d) => void d.accept());
  await organizer.chatMessage("Slides follow after the break").getByRole("button", { name: "Delete" }).click();
  await expect(delegate.chatMessage("Slides follow after the break")).toHaveCount(0);
  await expect(delegate.chatMessage("Welcome to the vehicles forum")).toBeVisible();
  await Promise.all([organizer.page.context().close(), delegate.page.context().close()]);
});

test("a screen share takes the stage by itself, a pinned tile stays large, and switching the microphone changes the published track", async ({ browser }) => {
  const organizer = new RoomPage(await organizerPage(browser, { viewport: LAPTOP }));
  await organizer.openFromSession(forum.firstSessionId());
  await organizer.enter();
  const speaker = new RoomPage(await personPage(browser, SPEAKER.email, { viewport: LAPTOP }));
  await speaker.openFromSession(forum.firstSessionId());
  await speaker.enter();
  await organizer.expectVideoPlaying(SPEAKER.name);
  // The speaker has the stage; the organizer's own camera is the small self view.
  const main = organizer.page.getByTestId("stage-main");
  await expect(main.locator(`[data-testid="tile"][data-size="main"][data-name="${SPEAKER.name}"]`)).toBeVisible();
  await expect(main.locator('[data-testid="tile"][data-size="self"]')).toBeVisible();

  await speaker.button("Share screen").click();
  await expect(main.locator(`[data-testid="tile"][data-size="main"][data-source="screen_share"][data-name="${SPEAKER.name}"]`)).toBeVisible({ timeout: 20_000 });
  await expect(organizer.page.getByTestId("strip").locator(`[data-testid="tile"][data-name="${SPEAKER.name}"][data-source="camera"]`)).toBeVisible();

  // Pinning the speaker's camera puts it over the screen share, until unpinned.
  const cameraInStrip = organizer.page.getByTestId("strip").locator(`[data-testid="tile"][data-name="${SPEAKER.name}"][data-source="camera"]`);
  await cameraInStrip.hover();
  await cameraInStrip.getByTestId("pin").click();
  await expect(main.locator(`[data-testid="tile"][data-size="main"][data-source="camera"][data-name="${SPEAKER.name}"]`)).toBeVisible();
  await main.locator('[data-size="main"]').getByTestId("pin").click();
  await expect(main.locator(`[data-testid="tile"][data-size="main"][data-source="screen_share"]`)).toBeVisible();

  // The gallery shows everyone, the screen first.
  await organizer.page.getByTestId("layout-toggle").click();
  await expect(organizer.page.getByTestId("stage")).toHaveAttribute("data-layout", "gallery");
  await expect(organizer.page.getByTestId("grid").locator('[data-testid="tile"]').first()).toHaveAttribute("data-source", "screen_share");
  await organizer.page.getByTestId("layout-toggle").click();

  // The organizer switches microphones in the room; the speaker still hears them.
  await organizer.tab("Settings");
  const mic = organizer.page.getByTestId("device-audioinput");
  const other = await mic.locator("option", { hasText: "Fake Audio Input 1" }).getAttribute("value");
  await mic.selectOption(other!);
  await expect(mic).toHaveValue(other!);
  await speaker.expectAudioFrom(ORGANIZER_NAME);
  await Promise.all([organizer.page.context().close(), speaker.page.context().close()]);
});
