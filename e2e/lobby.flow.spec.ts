// The lobby on the real LiveKit server, with Chromium's fake camera and microphone: the organizer,
// in the room, makes the forum admit everyone by hand; a delegate who opens the live page waits in
// the lobby with the forum's agenda and asks to join; the organizer is told over the stage, opens
// the Lobby list and admits them with the keyboard; the delegate's page joins the room by itself
// and the organizer sees them in it.
//
// Test-only DB changes: the "joint-research" forum is moved to now in the latest publication and
// put back afterwards; its admission setting and lobby entries are cleared after.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoSeriousViolations } from "./axe";
import { openForumNow } from "./open-forum";
import { LobbyPage } from "./pages/lobby-page";
import { RoomPage } from "./pages/room-page";
import { organizerPage, personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(120_000);

const FORUM = "joint-research";
const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as { people: { email: string; name: string; role: string; forums: string[] }[] };
// A delegate of this forum only, whom no other spec signs in.
const DELEGATE = seed.people.filter((p) => p.role === "delegate" && p.forums.length === 1 && p.forums[0] === FORUM).at(-1)!;

let restore: (() => Promise<void>) | null = null;
let sessionId = "";

async function clearLobby() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const forum = `(SELECT f.id FROM forums f JOIN events e ON e.id = f.event_id WHERE e.slug = 'clean-sky-2021' AND f.slug = $1)`;
    await client.query(`DELETE FROM lobby_entries WHERE forum_id = ${forum}`, [FORUM]);
    await client.query(`UPDATE forums SET requires_admission = false WHERE id = ${forum}`, [FORUM]);
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
  await clearLobby();
  await restore?.();
});

test("a delegate waits in the lobby with the agenda until the organizer admits them, then joins the room without another click", async ({ browser }) => {
  const organizer = new RoomPage(await organizerPage(browser));
  const organizerLobby = new LobbyPage(organizer.page);
  await organizer.openFromSession(sessionId);
  await organizer.enter();
  await organizer.tab("People");
  await organizerLobby.requireAdmission(true);
  await organizer.page.getByTestId("close-panel").click();

  // The delegate's live page is the lobby: why they wait, the forum's agenda, Ask to join.
  const delegatePage = await personPage(browser, DELEGATE.email);
  const delegate = new RoomPage(delegatePage);
  const lobby = new LobbyPage(delegatePage);
  await lobby.open(sessionId);
  await expect(lobby.view).toContainText("Organizers let people into this forum's room from the lobby.");
  await expect(lobby.agenda.getByRole("listitem").first()).toBeVisible();
  await lobby.ask();
  await expect(lobby.status).toContainText("You asked to join.");
  await expect(delegate.room).toHaveCount(0);
  await expectNoSeriousViolations(delegatePage, "the lobby, as a delegate waits");

  // The organizer is told over the stage and admits them from the Lobby list with the keyboard.
  await expect(organizerLobby.alert).toContainText("1 person waits in the lobby", { timeout: 10_000 });
  await organizerLobby.alert.getByRole("button", { name: "Open the lobby" }).click();
  const waiting = organizerLobby.waiting(DELEGATE.name);
  await expect(waiting).toContainText("Delegate");
  await expect(waiting).toContainText("Registration approved");
  await waiting.getByRole("button", { name: `Admit ${DELEGATE.name}` }).focus();
  await organizer.page.keyboard.press("Enter");

  // The delegate's page joins by itself; the organizer sees them in the room.
  await expect(delegate.room).toBeVisible({ timeout: 20_000 });
  await expect(organizer.participant(DELEGATE.name)).toBeVisible({ timeout: 15_000 });
  await expect(organizerLobby.panel).toHaveAttribute("data-waiting", "0");

  await organizerLobby.requireAdmission(false);
  // Both leave the room: a context left open stays connected until the worker ends, and
  // watch.flow.spec.ts later opens this forum's room again with this delegate as its viewer (a
  // fresh-clone CI run saw them still listed among the room's people there).
  await delegatePage.context().close();
  await organizer.page.context().close();
});
