// Simultaneous interpretation on the real LiveKit server: an interpreter goes live on 中文 from the
// booth console; a delegate picks 中文 and is subscribed to it with the floor (the organizer's
// microphone) turned down, then picks Floor and the channel is unsubscribed; a booth partner then
// takes the channel over (the first interpreter is muted by it) and the booth chat reaches them.
//
// Like room.flow.spec.ts, beforeAll moves the "forecast" forum to now in the latest agenda
// publication (the seeded conference is in 2021) and afterAll writes it back as it was.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { forumOpenDuringSpec } from "./open-forum";
import { RoomPage } from "./pages/room-page";
import { organizerPage, personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(300_000);

type Person = { email: string; name: string; role: string; forums: string[]; preferredLanguage: string };
const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as { people: Person[] };
const INTERPRETER = seed.people.find((p) => p.role === "interpreter" && p.forums.includes("forecast") && p.preferredLanguage === "zh")!;
// Not the delegate room.flow.spec.ts signs in, so each spec reads its own sign-in mail.
const PARTNER = seed.people.find((p) => p.role === "interpreter" && p.forums.includes("forecast") && p.preferredLanguage === "ko")!;
const LISTENER = seed.people.filter((p) => p.role === "delegate" && p.forums.includes("forecast") && p.preferredLanguage === "ko").at(-1)!;

const forum = forumOpenDuringSpec("forecast");

const mixTrack = (page: Page, channel: string) => page.locator(`[data-testid="mix-track"][data-channel="${channel}"]`);
const volumeOf = (page: Page, channel: string) =>
  mixTrack(page, channel)
    .locator("audio")
    .first()
    .evaluate((a: HTMLAudioElement) => a.volume);

test("a listener who picks 中文 hears the live interpreter with the floor turned down, Floor unsubscribes the channel, and a booth partner taking over mutes the interpreter", async ({ browser }) => {
  const organizer = new RoomPage(await organizerPage(browser));
  const interpreter = new RoomPage(await personPage(browser, INTERPRETER.email));
  const listener = new RoomPage(await personPage(browser, LISTENER.email));

  // The floor: the organizer's microphone.
  await organizer.openFromSession(forum.firstSessionId());
  await organizer.enter();

  // The interpreter joins with nothing published and goes live on their channel from the booth.
  await interpreter.openFromSession(forum.firstSessionId());
  await interpreter.enter();
  await interpreter.tab("Language");
  const booth = interpreter.page.getByTestId("booth-console");
  await expect(booth.getByTestId("booth-language")).toHaveValue("zh");
  await expect(booth).toHaveAttribute("data-state", "off");
  await booth.getByRole("button", { name: "Go live" }).click();
  await expect(booth).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  await expect(booth.getByTestId("booth-state")).toContainText("LIVE");

  // The organizer sees the channel live and who is on it.
  await organizer.tab("Language");
  await expect(organizer.page.getByTestId("board-zh")).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  await expect(organizer.page.getByTestId("board-zh")).toContainText(INTERPRETER.name);

  // The listener (registered in Korean, a channel nobody staffs) starts on the floor at full volume.
  await listener.openFromSession(forum.firstSessionId());
  await listener.enter();
  await listener.tab("Language");
  await expect(listener.page.getByTestId("interpretation-mix")).toHaveAttribute("data-channel", "floor");
  await expect(listener.page.getByTestId("channel-zh")).toHaveAttribute("data-live", "true", { timeout: 20_000 });
  await expect(mixTrack(listener.page, "zh")).toHaveAttribute("data-subscribed", "false", { timeout: 20_000 });
  await expect.poll(() => volumeOf(listener.page, "floor"), { timeout: 20_000 }).toBe(1);

  // Picking 中文 (with the keyboard-usable radio group) subscribes to it and turns the floor down.
  await listener.page.getByRole("radio", { name: /中文/ }).check();
  await expect(listener.page.getByTestId("interpretation-mix")).toHaveAttribute("data-channel", "zh");
  await expect(mixTrack(listener.page, "zh")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect.poll(() => volumeOf(listener.page, "zh"), { timeout: 20_000 }).toBe(1);
  await expect.poll(() => volumeOf(listener.page, "floor")).toBeCloseTo(0.15);

  // Floor: the channel is unsubscribed and the floor is back at full volume, without leaving the room.
  await listener.page.getByRole("radio", { name: "Floor" }).check();
  await expect(mixTrack(listener.page, "zh")).toHaveAttribute("data-subscribed", "false", { timeout: 20_000 });
  await expect(mixTrack(listener.page, "zh").locator("audio")).toHaveCount(0);
  await expect.poll(() => volumeOf(listener.page, "floor")).toBe(1);
  await expect(listener.room).toBeVisible();

  // The choice is remembered for the next visit.
  expect(await listener.page.evaluate(() => localStorage.getItem("plenary.interpretation.channel"))).toBe("floor");

  await Promise.all([organizer.page.context().close(), listener.page.context().close()]);

  // Handover: a booth partner moves to 中文 and takes over; the first interpreter is muted by it.
  const partner = new RoomPage(await personPage(browser, PARTNER.email));
  await partner.openFromSession(forum.firstSessionId());
  await partner.enter();
  await partner.tab("Language");
  const partnerBooth = partner.page.getByTestId("booth-console");
  await partnerBooth.getByTestId("booth-language").selectOption("zh");
  // In the partner's ears: the floor, not the channel they are about to speak into.
  await expect(partner.page.getByTestId("interpretation-mix")).toHaveAttribute("data-channel", "floor");
  await expect(mixTrack(partner.page, "zh")).toHaveAttribute("data-subscribed", "false", { timeout: 20_000 });
  await partnerBooth.getByRole("button", { name: `Take over from ${INTERPRETER.name}` }).click();
  await expect(partnerBooth).toHaveAttribute("data-state", "live", { timeout: 20_000 });
  await expect(booth).toHaveAttribute("data-state", "muted", { timeout: 20_000 });
  await expect(booth.getByRole("button", { name: `Take over from ${PARTNER.name}` })).toBeVisible();
  await expect(booth.getByTestId("booth-holder")).toContainText(PARTNER.name);
  await expect(booth.getByTestId("booth-holder")).toContainText(/ 0:0\d /);

  // The private booth chat reaches the partner.
  await booth.getByLabel("Message to the booth").fill("Next speaker reads fast, slide 12");
  await booth.getByRole("button", { name: "Send" }).click();
  await expect(partnerBooth.getByTestId("booth-message").filter({ hasText: "Next speaker reads fast, slide 12" })).toBeVisible();

  await Promise.all([interpreter.page.context().close(), partner.page.context().close()]);
});
