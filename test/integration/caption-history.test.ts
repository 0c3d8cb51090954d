// The transcript so far for a late joiner (lib/captions/history.ts) on real PostgreSQL: the stage's
// stored captions since the forum's block began, oldest first, final texts and the one still being
// spoken, with the speakers' registered names; refused to anyone who may not join the stage, and
// bad input refused with nothing read.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeLiveEvent, makeUsers } from "./fixtures";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

describe("the captions' transcript for a late joiner", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let actions: typeof import("../../lib/captions/actions");
  let sessionId = "";
  let forumId = "";
  let otherForumId = "";
  const user: Record<string, string> = {};
  const as = <T>(who: string | null, fn: () => Promise<T>) => {
    actor.current = who ? { userId: user[who] } : null;
    return fn();
  };

  beforeAll(async () => {
    db = await migratedDatabase("caption_history");
    process.env.DATABASE_URL = db.databaseUrl;
    const tag = Date.now().toString(36);
    const { forums, sessions } = await makeLiveEvent(db.prisma, `cap-history-${tag}`, ["open", "other"]);
    const event = { id: forums[0].eventId };
    forumId = forums.find((f) => f.slug === "open")!.id;
    otherForumId = forums.find((f) => f.slug === "other")!.id;
    sessionId = sessions.find((x) => x.forumId === forumId)!.id;
    const users = await makeUsers(db.prisma, `caph-${tag}`, 4);
    for (const [i, who] of ["speaker", "late", "elsewhere", "stranger"].entries()) user[who] = users[i].id;
    for (const who of ["speaker", "late"]) {
      const r = await enrol(db.prisma, event.id, user[who], "delegate");
      await db.prisma.registrationForum.create({ data: { registrationId: r.id, forumId } });
    }
    const r = await enrol(db.prisma, event.id, user.elsewhere, "delegate");
    await db.prisma.registrationForum.create({ data: { registrationId: r.id, forumId: otherForumId } });
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000);
    await db.prisma.captionSegment.createMany({
      data: [
        // Before the block began: not today's transcript.
        { forumId, segmentKey: "w.0", channel: "floor", language: "ko", speakerIdentity: user.speaker, text: "리허설", startsAt: at(-90), endsAt: at(-89) },
        { forumId, segmentKey: "w.2", channel: "en", language: "en", speakerIdentity: user.speaker, text: "Clean air, second", startsAt: at(-20), endsAt: at(-19) },
        { forumId, segmentKey: "w.1", channel: "floor", language: "ko", speakerIdentity: user.speaker, text: "맑은 하늘, 첫째", startsAt: at(-30), endsAt: at(-29) },
        { forumId, segmentKey: "w.3", channel: "floor", language: "ko", speakerIdentity: user.speaker, text: "지금 말하는", startsAt: at(-0.1), endsAt: at(0), final: false },
        { forumId: otherForumId, segmentKey: "o.1", channel: "floor", language: "en", speakerIdentity: user.elsewhere, text: "another room", startsAt: at(-5), endsAt: at(-4) },
      ],
    });
    actions = await import("../../lib/captions/actions");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("gives a member of the stage what was said since the block began, oldest first, with names", async () => {
    const r = await as("late", () => actions.captionHistoryAction(sessionId));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.map((l) => [l.segmentId, l.channel, l.text, l.final])).toEqual([
      ["w.1", "floor", "맑은 하늘, 첫째", true],
      ["w.2", "en", "Clean air, second", true],
      ["w.3", "floor", "지금 말하는", false],
    ]);
    expect(r.data.every((l) => l.speaker === user.speaker && /^caph-.+ 0$/.test(l.speakerName))).toBe(true);
    expect(new Date(r.data[0].startsAt).getTime()).toBeLessThan(new Date(r.data[0].endsAt).getTime());
  });

  it("refuses the signed-out, a stranger and a delegate of another forum, and bad input", async () => {
    const refused = async (who: string | null, id = sessionId) => {
      const r = await as(who, () => actions.captionHistoryAction(id));
      return r.ok ? "allowed" : r.error;
    };
    const outcomes = [await refused(null), await refused("stranger"), await refused("elsewhere"), await refused("late", "x".repeat(500)), await refused("late", "no-such-session")];
    expect(outcomes).toEqual(["signInRequired", "notRegistered", "notYourForum", "invalidInput", "sessionNotFound"]);
  });
});
