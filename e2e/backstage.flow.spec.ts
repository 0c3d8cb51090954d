// Backstage on the real LiveKit server, with Chromium's fake camera and microphone: the organizer
// turns backstage on for a forum from the stage's people panel; a speaker who joins waits backstage
// (the notice, their own preview), the organizer sees them ready in the Backstage list, goes
// backstage to chat, and brings them on stage; the speaker's own client moves itself and is seen on
// the stage. Sent backstage, they wait again.
//
// Test-only DB changes: the "air-pollution" forum (no other spec uses it) is moved to now in the
// latest publication and put back afterwards; its backstage setting and calls are cleared after.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousViolations } from "./axe";
import { openForumNow } from "./open-forum";
import { BackstagePage } from "./pages/backstage-page";
import { RoomPage } from "./pages/room-page";
import { organizerPage, personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(180_000);

// Its own forum: the Egress layout spec fills air-pollution's room at the same time.
const FORUM = "vehicles";
const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as {
  organizers: { email: string; name: string }[];
  people: { email: string; name: string; role: string; forums: string[] }[];
};
const ORGANIZER_NAME = seed.organizers.find((o) => o.email === "organizer.kr@plenary.test")!.name;
const SPEAKER = seed.people.find((p) => p.role === "speaker" && p.forums.includes(FORUM))!;

let restore: (() => Promise<void>) | null = null;
let sessionId = "";

async function clearBackstage() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const forum = `(SELECT f.id FROM forums f JOIN events e ON e.id = f.event_id WHERE e.slug = 'clean-sky-2021' AND f.slug = $1)`;
    await client.query(`DELETE FROM stage_calls WHERE forum_id = ${forum}`, [FORUM]);
    await client.query(`UPDATE broadcast_settings SET backstage = false WHERE forum_id = ${forum}`, [FORUM]);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  const opened = await openForumNow(FORUM);
  restore = opened.restore;
  sessionId = opened.snapshot.forums.find((f) => f.slug === FORUM)!.sessions[0].id;
});

test.afterAll(async () => {
  await clearBackstage();
  await restore?.();
});

test("a speaker waits backstage until the organizer brings them on stage, lands on the stage with their camera, and goes back when sent", async ({ browser }) => {
  const organizer = new RoomPage(await organizerPage(browser));
  const organizerBackstage = new BackstagePage(organizer.page);
  await organizer.openFromSession(sessionId);
  await organizer.enter();
  await organizer.tab("People");
  await organizerBackstage.turn(true);

  // The speaker joins as usual and is sent backstage by the server.
  const speakerPage = await personPage(browser, SPEAKER.email);
  const speaker = new RoomPage(speakerPage);
  const speakerBackstage = new BackstagePage(speakerPage);
  await speaker.openFromSession(sessionId);
  await speakerBackstage.enter();
  await expect(speakerBackstage.notice).toContainText("You are backstage — an organizer will bring you on stage.");
  await speakerBackstage.expectOwnPreview();
  await expect(speaker.room).toHaveCount(0);
  await expectNoSeriousViolations(speakerPage, "the backstage, as a speaker waits");

  // The organizer sees them waiting, ready, and not on the stage.
  const waiting = organizerBackstage.waiting(SPEAKER.name);
  await expect(waiting).toContainText("Speaker", { timeout: 15_000 });
  await expect(waiting).toContainText("camera on");
  await expect(organizer.participant(SPEAKER.name)).toHaveCount(0);

  // The organizer goes backstage; they chat.
  await organizerBackstage.panel.getByRole("button", { name: "Go backstage" }).click();
  await expect(organizerBackstage.view).toBeVisible({ timeout: 20_000 });
  await expect(organizerBackstage.notice).toContainText("You are backstage.");
  await expect(speakerBackstage.view.getByTestId("backstage-others")).toContainText(ORGANIZER_NAME);
  await speakerBackstage.say("Ready when you are");
  await expect(organizerBackstage.chatMessage("Ready when you are")).toBeVisible();
  await expectNoSeriousViolations(organizer.page, "the backstage, as an organizer visits");

  // Brought on stage from backstage (with the keyboard): the speaker's own client moves to the stage.
  const bring = organizerBackstage.waiting(SPEAKER.name).getByRole("button", { name: `Bring ${SPEAKER.name} on stage` });
  await bring.focus();
  await organizer.page.keyboard.press("Enter");
  await expect(speaker.room).toBeVisible({ timeout: 20_000 });
  await expect(speakerBackstage.view).toHaveCount(0);

  // The organizer goes back to the stage and sees the speaker there, camera playing.
  await organizerBackstage.view.getByRole("button", { name: "Back to the stage" }).click();
  await expect(organizer.room).toBeVisible({ timeout: 20_000 });
  await organizer.expectVideoPlaying(SPEAKER.name);

  // Sent backstage: off the stage, waiting again.
  await organizer.tab("People");
  await organizerBackstage.panel.getByRole("button", { name: `Send ${SPEAKER.name} backstage` }).click();
  await expect(speakerBackstage.notice).toBeVisible({ timeout: 20_000 });
  await expect(organizer.participant(SPEAKER.name)).toHaveCount(0, { timeout: 15_000 });

  // Backstage off: nobody is left to bring them, so they go on stage.
  await organizerBackstage.turn(false);
  await expect(speaker.room).toBeVisible({ timeout: 20_000 });
  // Both leave: a context left open stays in the room until the worker ends, and later flows open
  // this forum's room again.
  await speakerPage.context().close();
  await organizer.page.context().close();
});
