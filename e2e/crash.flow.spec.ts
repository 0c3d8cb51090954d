// Crash safety: an app instance of its own (the production build, `next start`) is killed with
// SIGKILL in the middle of a burst of registrations (the register page's form post) and LiveKit
// webhooks, then started again. Every write a client saw acknowledged is there, nothing is
// duplicated, and the redelivery of the webhooks that got no answer — the same event ids, as
// LiveKit retries them — is absorbed: an event that committed before the kill answers "replayed",
// one that did not is applied now, each exactly once. The people whose registration got no
// answer press the button again and end up registered once.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { actionFields, addressOf, attendanceBurst, createWriteEvent, isRegistered, registrationPost, sessionCookie, type Prepared } from "../test/write-requests";

test.describe.configure({ mode: "serial" });

const KEY = process.env.LIVEKIT_API_KEY ?? "devkey";
const SECRET = process.env.LIVEKIT_API_SECRET ?? "secret";
const AUTH_SECRET = crypto.randomBytes(32).toString("base64url");
const tag = `crash-${Date.now().toString(36)}`;
const PEOPLE = 150;
const CAPACITY = 40;
const PARTICIPANTS = 300;
/** LiveKit sends webhooks from a pool of workers: this many at once. */
const WEBHOOKS_IN_FLIGHT = 32;
const JOINED_FROM = Date.parse("2030-03-01T01:10:00Z");

let db: pg.Client;
let eventId = "";
let webhookIds: string[] = [];
let app: CrashableApp | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `next start` in a process group of its own, so SIGKILL reaches the whole server at once. */
class CrashableApp {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  constructor(readonly port: number) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(this.port), "-H", "127.0.0.1"], {
      // The test plays the balancer in front (each person's address in X-Forwarded-For, one hop), so
      // its burst counts against those addresses, not against the loopback the other specs share.
      env: { ...process.env, AUTH_SECRET, PUBLIC_BASE_URL: this.url, TRUSTED_PROXY_HOPS: "1" },
      stdio: "ignore",
      detached: true,
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) break;
      const res = await fetch(`${this.url}/api/health`).catch(() => null);
      if (res?.status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the crash test's app instance did not start");
  }
  async kill(signal: NodeJS.Signals) {
    if (this.child?.exitCode === null) process.kill(-this.child.pid!, signal);
    await this.exited;
  }
}

interface Answer {
  /** The client saw an answer (any status); false when the connection broke first. */
  answered: boolean;
  status: number;
  location: string | null;
  body: string;
}

async function send(url: string, r: Prepared): Promise<Answer> {
  try {
    const res = await fetch(new URL(r.path, url), { method: r.method ?? "POST", headers: r.headers, body: r.body, redirect: "manual" });
    return { answered: true, status: res.status, location: res.headers.get("location"), body: await res.text() };
  } catch {
    return { answered: false, status: 0, location: null, body: "" };
  }
}

const rows = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows;
const webhookApplied = (a: Answer, outcome: string) => a.status === 200 && (JSON.parse(a.body) as { outcome?: string }).outcome === outcome;

test.beforeAll(async () => {
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});

test.afterAll(async () => {
  await app?.kill("SIGTERM");
  if (eventId) {
    await db.query(`DELETE FROM events WHERE id = $1`, [eventId]);
    await db.query(`DELETE FROM users WHERE email LIKE $1`, [`${tag}%@test.example`]);
    await db.query(`DELETE FROM webhook_events WHERE id = ANY($1::text[])`, [webhookIds]);
  }
  await db.end();
});

test("SIGKILL during a burst of registrations and webhooks loses no acknowledged write and duplicates none; redelivered webhooks are absorbed", async () => {
  test.setTimeout(240_000);
  // An event of its own, published: 40 places for 150 people, one forum whose room takes 300 participants.
  const event = await createWriteEvent(process.env.DATABASE_URL!, { slug: tag, capacity: CAPACITY });
  eventId = event.eventId;
  const forum = event.forums[0];
  const room = forum.roomName;
  // Signed-in people whose addresses are confirmed (as after a sign-in link): their registrations count at once.
  const people = await rows<{ id: string; email: string; name: string }>(
    `INSERT INTO users (id, email, name, email_verified, updated_at) SELECT gen_random_uuid()::text, $1 || i || '@test.example', 'Crash ' || i, now(), now() FROM generate_series(1, $2) AS i RETURNING id, email, name`,
    [tag, PEOPLE],
  );
  await db.query(
    `INSERT INTO registrations (id, event_id, user_id, role, status, country, time_zone, updated_at) VALUES (gen_random_uuid()::text, $1, $2, 'delegate', 'cancelled', 'KR', 'Asia/Seoul', now())`,
    [eventId, people[0].id],
  );

  app = new CrashableApp(await freePort());
  await app.start();
  const pagePath = `/en/events/${tag}/register`;
  // people[0] once cancelled: the page offers them the form again (and the fields are the same for everyone).
  const fields = await actionFields(app.url, pagePath, await sessionCookie(people[0], AUTH_SECRET));
  const posts = await Promise.all(people.map(async (p, i) => registrationPost(pagePath, fields, await sessionCookie(p, AUTH_SECRET), addressOf(i + 1))));
  const deliveries = await attendanceBurst([room], PARTICIPANTS, JOINED_FROM, KEY, SECRET);
  webhookIds = deliveries.map((d) => d.id);

  // The burst: 100 registrations at once and the first half of the webhooks, 32 at a time; SIGKILL
  // as soon as some of each are acknowledged (at the latest when those are all answered). The other
  // 50 registrations and the second half of the webhooks are sent after it: the kill always cuts
  // some off, whatever this machine's speed, and those in flight at the kill are cut off too.
  const registrations: Answer[] = new Array(PEOPLE);
  const webhooks: Answer[] = new Array(deliveries.length);
  let registered = 0;
  let applied = 0;
  let killed: Promise<void> | undefined;
  const kill = () => (killed ??= app!.kill("SIGKILL"));
  const killWhenUnderWay = () => registered >= 10 && applied >= 60 && kill();
  const url = app.url;
  const register = async (i: number) => {
    registrations[i] = await send(url, posts[i]);
    if (isRegistered(registrations[i].status, registrations[i].location)) registered++;
    killWhenUnderWay();
  };
  const deliver = (from: number, to: number) => {
    let next = from;
    return Promise.all(
      Array.from({ length: WEBHOOKS_IN_FLIGHT }, async () => {
        while (next < to) {
          const i = next++;
          webhooks[i] = await send(url, deliveries[i].request);
          if (webhookApplied(webhooks[i], "applied")) applied++;
          killWhenUnderWay();
        }
      }),
    );
  };
  const half = deliveries.length / 2;
  await Promise.all([Promise.all(posts.slice(0, 100).map((_, i) => register(i))), deliver(0, half)]);
  await kill();
  await Promise.all([Promise.all(posts.slice(100).map((_, i) => register(100 + i))), deliver(half, deliveries.length)]);

  // Every answer that came was right; what came after the kill is no answer at all.
  for (const a of registrations.filter((x) => x.answered)) expect(isRegistered(a.status, a.location), `${a.status} ${a.location}`).toBe(true);
  for (const a of webhooks.filter((x) => x.answered)) expect(webhookApplied(a, "applied"), a.body).toBe(true);
  const unansweredRegs = people.filter((_, i) => !registrations[i].answered);
  const unansweredHooks = deliveries.filter((_, i) => !webhooks[i].answered);
  expect(unansweredRegs.length, "registrations cut off by the kill").toBeGreaterThan(0);
  expect(unansweredHooks.length, "webhooks cut off by the kill").toBeGreaterThan(0);

  await app.start();

  // Every acknowledged registration is there, once; the seats held: arrivals in order, capacity never exceeded.
  const afterCrash = await rows<{ user_id: string; status: string }>(`SELECT user_id, status::text FROM registrations WHERE event_id = $1 AND status <> 'cancelled' ORDER BY arrival`, [eventId]);
  const present = new Set(afterCrash.map((r) => r.user_id));
  expect(present.size).toBe(afterCrash.length);
  for (const [i, p] of people.entries()) if (registrations[i].answered) expect(present.has(p.id), `acknowledged registration of ${p.email}`).toBe(true);
  expect(afterCrash.filter((r) => r.status === "approved").length).toBeLessThanOrEqual(CAPACITY);
  // Every acknowledged webhook is recorded and took effect.
  const recorded = new Set((await rows<{ id: string }>(`SELECT id FROM webhook_events WHERE id = ANY($1::text[])`, [deliveries.map((d) => d.id)])).map((r) => r.id));
  const attendance = new Map(
    (await rows<{ participant_sid: string; left_at: Date | null }>(`SELECT participant_sid, left_at FROM attendances WHERE forum_id = $1`, [forum.id])).map((r) => [r.participant_sid, r]),
  );
  for (const [i, d] of deliveries.entries()) {
    if (!webhooks[i].answered) continue;
    expect(recorded.has(d.id), `acknowledged webhook ${d.id}`).toBe(true);
    expect(attendance.has(d.sid), `attendance of ${d.sid}`).toBe(true);
    if (d.event === "participant_left") expect(attendance.get(d.sid)!.left_at).not.toBeNull();
  }

  // LiveKit redelivers what got no answer, same ids: committed before the kill → "replayed", else applied now.
  const redelivered = await Promise.all(unansweredHooks.map((d) => send(url, d.request)));
  for (const [i, d] of unansweredHooks.entries()) expect(webhookApplied(redelivered[i], recorded.has(d.id) ? "replayed" : "applied"), `${d.id}: ${redelivered[i].body}`).toBe(true);
  // And people press "Register" again: registered now, or told they already are.
  const retried = await Promise.all(people.map((p, i) => (registrations[i].answered ? null : send(url, posts[i]))));
  for (const [i, p] of people.entries()) {
    const again = retried[i];
    if (again && !present.has(p.id)) expect(isRegistered(again.status, again.location), `${p.email}: ${again.status}`).toBe(true);
    if (again && present.has(p.id)) expect(isRegistered(again.status, again.location), `${p.email} registered twice`).toBe(false);
  }

  // The end state is exact: everyone registered once, the first 40 arrivals approved; every event once, every participant once, joined and left.
  const final = await rows<{ user_id: string; status: string }>(`SELECT user_id, status::text FROM registrations WHERE event_id = $1 ORDER BY arrival`, [eventId]);
  expect(final.map((r) => r.user_id).sort()).toEqual(people.map((p) => p.id).sort());
  expect(final.map((r) => r.status)).toEqual([...Array(CAPACITY).fill("approved"), ...Array(PEOPLE - CAPACITY).fill("waitlisted")]);
  const [{ n: events }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_events WHERE id = ANY($1::text[])`, [deliveries.map((d) => d.id)]);
  expect(events).toBe(deliveries.length);
  const final2 = await rows<{ participant_sid: string; left_at: Date | null }>(`SELECT participant_sid, left_at FROM attendances WHERE forum_id = $1`, [forum.id]);
  expect(final2).toHaveLength(PARTICIPANTS);
  expect(new Set(final2.map((r) => r.participant_sid)).size).toBe(PARTICIPANTS);
  expect(final2.every((r) => r.left_at !== null)).toBe(true);
  const [{ n: audits }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE event_id = $1 AND action = 'registration.created'`, [eventId]);
  expect(audits).toBe(PEOPLE);
});
