// The live room on the real LiveKit server (started by scripts/test.mjs), with Chromium's fake
// camera and microphone: the seeded organizer and an approved delegate join one forum's stage from
// session pages, see and hear each other, chat, and go through hand → floor → mute → removal and back.
//
// The seeded conference is in 2021, so its rooms are closed to delegates. Test-only DB change:
// beforeAll moves the "forecast" forum (block and sessions) to now in the latest agenda
// publication, which is what the session page and the token endpoint read; afterAll writes the
// publication back exactly as it was.
import fs from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { openForumNow } from "./open-forum";
import { RoomPage } from "./pages/room-page";
import { organizerPage, personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(120_000);

const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as {
  organizers: { email: string; name: string }[];
  people: { email: string; name: string; role: string; forums: string[] }[];
};
const ORGANIZER_NAME = seed.organizers.find((o) => o.email === "organizer.kr@plenary.test")!.name;
const DELEGATE = seed.people.find((p) => p.role === "delegate" && p.forums.includes("forecast") && !p.forums.includes("carbon-neutrality"))!;

let restore: (() => Promise<void>) | null = null;
let sessionId = "";
let otherForumSessionId = "";

test.beforeAll(async () => {
  const opened = await openForumNow("forecast");
  restore = opened.restore;
  sessionId = opened.snapshot.forums.find((f) => f.slug === "forecast")!.sessions[0].id;
  otherForumSessionId = opened.snapshot.forums.find((f) => f.slug === "carbon-neutrality")!.sessions[0].id;
});

test.afterAll(async () => {
  await restore?.();
});

/** The seeded delegate, signed in with a link from their mailbox. */
const delegatePage = (browser: Browser) => personPage(browser, DELEGATE.email);

test("an organizer and a delegate join from session pages, see and hear each other, chat, go from raised hand to the floor to muted, and a removal keeps the delegate out until let back in", async ({
  browser,
}) => {
  const organizer = new RoomPage(await organizerPage(browser));
  const delegate = new RoomPage(await delegatePage(browser));

  await organizer.openFromSession(sessionId);
  await organizer.enter();
  await expect(organizer.button("Microphone on")).toHaveAttribute("aria-pressed", "true");
  await delegate.openFromSession(sessionId);
  await expect(delegate.prejoin).toContainText("You join listening");
  await delegate.enter();
  await expect(delegate.page.getByTestId("listening")).toBeVisible();

  // The organizer's camera and microphone reach the delegate.
  await delegate.expectVideoPlaying(ORGANIZER_NAME);
  await delegate.expectAudioFrom(ORGANIZER_NAME);
  await expect(delegate.page.getByTestId("room-agenda").locator("[aria-current=true]")).toHaveCount(1);

  // Chat both ways.
  await organizer.say("Welcome to the forecast forum");
  await expect(delegate.panelButton("chat").getByTestId("badge")).toHaveText("1");
  await delegate.tab("Chat");
  await expect(delegate.chatMessage("Welcome to the forecast forum")).toBeVisible();
  await delegate.say("Thank you, glad to be here");
  await expect(organizer.chatMessage("Thank you, glad to be here")).toBeVisible();

  // The participants list shows organisation and role.
  await organizer.tab("People");
  await expect(organizer.participant(DELEGATE.name).getByTestId("participant-role")).toHaveText("Delegate");
  await expect(organizer.participant(DELEGATE.name).getByTestId("participant-organisation")).not.toBeEmpty();

  // Raise hand → the organizer sees it in the queue and lets the delegate speak.
  await delegate.button("Raise hand").click();
  await expect(delegate.button("Lower hand")).toHaveAttribute("aria-pressed", "true");
  await expect(organizer.handQueue.getByTestId("queued-hand")).toHaveCount(1);
  await organizer.handQueue.getByRole("button", { name: `Let ${DELEGATE.name} speak` }).click();
  await expect(delegate.notice).toHaveAttribute("data-notice", "maySpeak");
  await expect(organizer.handQueue.getByTestId("queued-hand")).toHaveCount(0);

  // The delegate can now publish: the organizer sees and hears them.
  await delegate.button("Camera off").click();
  await delegate.button("Microphone off").click();
  await expect(delegate.button("Microphone on")).toHaveAttribute("aria-pressed", "true");
  await organizer.expectVideoPlaying(DELEGATE.name);
  await organizer.expectAudioFrom(DELEGATE.name);

  // The organizer mutes the delegate's microphone; the delegate's own controls say so.
  await organizer.participant(DELEGATE.name).getByRole("button", { name: "Mute microphone" }).click();
  await expect(delegate.button("Microphone off")).toHaveAttribute("aria-pressed", "false");
  await expect(delegate.notice).toHaveAttribute("data-notice", "micMuted");
  await expect(organizer.participant(DELEGATE.name)).toContainText("Microphone off");
  await expect(organizer.page.getByTestId("moderation-error")).toHaveCount(0);

  // A clean leave, then back in.
  await delegate.button("Leave").click();
  await expect(delegate.outcome).toHaveAttribute("data-outcome", "left");
  await expect(organizer.participant(DELEGATE.name)).toHaveCount(0);
  await delegate.outcome.getByRole("button", { name: "Join again" }).click();
  await delegate.enter();
  await expect(organizer.participant(DELEGATE.name)).toHaveCount(1);

  // Removal keeps the delegate out of this forum's room until an organizer lets them back in.
  organizer.page.once("dialog", (d) => void d.accept());
  await organizer.participant(DELEGATE.name).getByRole("button", { name: "Remove" }).click();
  await expect(delegate.outcome).toHaveAttribute("data-outcome", "removed");
  await delegate.page.reload();
  await expect(delegate.refused).toHaveAttribute("data-reason", "removed");
  await expect(delegate.refused).toContainText("once an organizer lets you back in");
  const banned = organizer.page.getByTestId("banned-person");
  await expect(banned).toHaveCount(1);
  await banned.getByRole("button", { name: `Let ${DELEGATE.name} back in` }).click();
  await expect(banned).toHaveCount(0);
  await delegate.page.reload();
  await delegate.enter();
  await expect(organizer.participant(DELEGATE.name)).toHaveCount(1);

  // The organizer ends the room (after confirming): everyone is told.
  organizer.page.once("dialog", (d) => void d.accept());
  await organizer.page.getByRole("button", { name: "End the room for everyone" }).click();
  await expect(delegate.outcome).toHaveAttribute("data-outcome", "ended");
  await expect(delegate.outcome).toContainText("The room has ended.");
  await expect(organizer.outcome).toHaveAttribute("data-outcome", "ended");
  await Promise.all([organizer.page.context().close(), delegate.page.context().close()]);
});

test("an unreachable video server is reported in the viewer's language with a Retry that then connects", async ({ browser }) => {
  const room = new RoomPage(await organizerPage(browser, { locale: "ko-KR" }));
  // The token answer is real; only its serverUrl is pointed at a loopback port nobody listens on.
  let broken = true;
  await room.page.route("**/api/livekit/token", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    await route.fulfill({ response, json: broken ? { ...body, serverUrl: "ws://127.0.0.1:9" } : body });
  });
  await room.page.goto(`/ko/sessions/${sessionId}/live`);
  await room.prejoin.getByRole("button", { name: "회의실 입장" }).click();
  await expect(room.outcome).toHaveAttribute("data-outcome", "unreachable", { timeout: 30_000 });
  await expect(room.outcome).toContainText("영상 서버에 연결할 수 없습니다");
  broken = false;
  await room.outcome.getByRole("button", { name: "다시 시도" }).click();
  await expect(room.room).toBeVisible({ timeout: 20_000 });

  // A network drop: the page says it is reconnecting, then that it is back.
  await room.page.context().setOffline(true);
  await expect(room.page.getByTestId("network-state")).toHaveAttribute("data-state", "reconnecting", { timeout: 20_000 });
  await room.page.context().setOffline(false);
  await expect(room.page.getByTestId("network-state")).toHaveAttribute("data-state", "reconnected", { timeout: 30_000 });
  await room.page.context().close();
});

test("a delegate opening the room of a forum they did not register for is told why and linked back", async ({ browser }) => {
  const page = await delegatePage(browser);
  await page.goto(`/zh/sessions/${otherForumSessionId}/live`);
  const room = new RoomPage(page);
  await expect(room.refused).toHaveAttribute("data-reason", "notYourForum");
  await expect(room.refused).toContainText("您没有注册此论坛");
  await room.refused.getByRole("link", { name: "返回场次页面" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/sessions/${otherForumSessionId}$`));
  await page.context().close();
});
