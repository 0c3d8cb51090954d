// Write requests as outside clients send them, for the write benchmarks (bench/registration-burst.ts,
// bench/webhooks.ts) and the crash-safety browser test (e2e/crash.flow.spec.ts): the register page's
// form post as a browser without JavaScript sends it, and LiveKit participant webhooks signed as
// the LiveKit server signs them (a JWT from the API key and secret whose sha256 claim is the
// base64 SHA-256 of the body).
import crypto from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { encode } from "next-auth/jwt";

export interface Prepared {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData;
}

const COOKIE = "authjs.session-token";

/** Auth.js's session cookie over http: a JWT encrypted with AUTH_SECRET, salted with its name. */
export async function sessionCookie(user: { id: string; email: string; name: string | null }, secret: string): Promise<string> {
  return `${COOKIE}=${await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret, salt: COOKIE })}`;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden $ACTION fields React renders into a page's server-action form for a browser without JavaScript. */
export async function actionFields(url: string, pagePath: string, cookie: string): Promise<[string, string][]> {
  const res = await fetch(new URL(pagePath, url), { headers: { cookie } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
  const fields = [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)]
    .map((m) => [/name="([^"]*)"/.exec(m[0])?.[1] ?? "", unescapeHtml(/value="([^"]*)"/.exec(m[0])?.[1] ?? "")] as [string, string])
    .filter(([name]) => name.startsWith("$ACTION"));
  if (!fields.some(([name]) => name.startsWith("$ACTION_REF_") || name.startsWith("$ACTION_ID_"))) throw new Error(`no server action form on ${pagePath}`);
  return fields;
}

export const registrationForm = {
  name: "시험 참가자",
  nameLatin: "Test Person",
  organizationKey: "other",
  organizationOther: "Test Lab",
  country: "KR",
  role: "delegate",
  forums: "main",
  preferredLanguage: "ko",
  timeZone: "Asia/Seoul",
  accessibilityNeeds: "",
};

/**
 * The register form's post from one signed-in person. `ip` stands for the address the site's
 * proxy reports (x-forwarded-for): each person has their own, as behind a real balancer. The app
 * must be started with TRUSTED_PROXY_HOPS=1 for it to count.
 */
export function registrationPost(pagePath: string, fields: [string, string][], cookie: string, ip: string): Prepared {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  for (const [k, v] of Object.entries(registrationForm)) form.append(k, v);
  return { path: pagePath, method: "POST", headers: { cookie, "x-forwarded-for": ip }, body: form };
}

/** Registered: the action redirects (303) to the person's page; an error re-renders the form (200). */
export const isRegistered = (status: number, location: string | null) => status === 303 && /\/me\?registered=1$/.test(location ?? "");

/** A distinct address for person `i`. */
export const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

export interface Delivery {
  /** LiveKit's event id: the idempotency key. */
  id: string;
  event: "participant_joined" | "participant_left";
  sid: string;
  request: Prepared & { body: string };
}

const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** A participant webhook as LiveKit sends it: protobuf JSON names, int64 fields as strings. */
export async function participantWebhook(event: Delivery["event"], room: string, p: { sid: string; identity: string; joinedAtMs: number }, key: string, secret: string): Promise<Delivery> {
  const id = `EV_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const left = event === "participant_left";
  const body = JSON.stringify({
    event,
    room: { sid: `RM_${room}`, name: room, emptyTimeout: 300, creationTime: seconds(p.joinedAtMs - 3_600_000) },
    participant: {
      sid: p.sid,
      identity: p.identity,
      name: p.identity,
      state: left ? "DISCONNECTED" : "ACTIVE",
      joinedAt: seconds(p.joinedAtMs),
      joinedAtMs: String(p.joinedAtMs),
      version: 2,
      permission: { canSubscribe: true, canPublish: false, canPublishData: true },
      isPublisher: false,
      kind: "STANDARD",
    },
    id,
    createdAt: seconds(left ? p.joinedAtMs + 600_000 : p.joinedAtMs),
  });
  const token = new AccessToken(key, secret, { ttl: "10m" });
  token.sha256 = crypto.createHash("sha256").update(body).digest("base64");
  const headers = { "content-type": "application/webhook+json", "authorization": await token.toJwt() };
  return { id, event, sid: p.sid, request: { path: "/api/livekit/webhook", method: "POST", headers, body } };
}

/**
 * Joins and leaves of `people` participants spread over `rooms`, joined from `startMs` on: the
 * first third of the joins alone, then joins and leaves interleaved (a leave never sent before its
 * own join; the app also takes one that overtakes it in flight).
 */
export async function attendanceBurst(rooms: string[], people: number, startMs: number, key: string, secret: string): Promise<Delivery[]> {
  const joins: Delivery[] = [];
  const leaves: Delivery[] = [];
  for (let i = 0; i < people; i++) {
    const p = { sid: `PA_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`, identity: `guest-${crypto.randomUUID().slice(0, 8)}`, joinedAtMs: startMs + i * 37 };
    const room = rooms[i % rooms.length];
    joins.push(await participantWebhook("participant_joined", room, p, key, secret));
    leaves.push(await participantWebhook("participant_left", room, p, key, secret));
  }
  const out = joins.slice(0, Math.ceil(people / 3));
  let j = out.length;
  let l = 0;
  while (j < people || l < people) {
    if (j < people) out.push(joins[j++]);
    if (l < j && l < people) out.push(leaves[l++]);
  }
  return out;
}

export interface WriteEvent {
  eventId: string;
  slug: string;
  forums: { id: string; slug: string; roomName: string }[];
}

/**
 * A published event for write tests, made straight in the database over `databaseUrl`: open
 * registration with `capacity` seats, `forums` forums ("main", "f1", …) each with one session
 * from 01:00 to 03:00 UTC on `day` and its LiveKit room "<slug>--<forum>", and the agenda
 * publication the public pages read (the snapshot lib/agenda/publication.ts stores).
 */
export async function createWriteEvent(databaseUrl: string, opts: { slug: string; capacity: number; forums?: number; day?: string }): Promise<WriteEvent> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const day = opts.day ?? "2030-03-01";
    const at = (hh: string) => new Date(`${day}T${hh}:00:00.000Z`).toISOString();
    const text = { ko: opts.slug, zh: opts.slug, en: opts.slug };
    const eventId = crypto.randomUUID();
    const event = {
      id: eventId,
      slug: opts.slug,
      title: text,
      description: text,
      venue: text,
      hostCountries: ["KR"],
      languages: ["ko", "zh", "en"],
      timeZone: "Asia/Seoul",
      displayZones: [],
      startsAt: at("00"),
      endsAt: at("09"),
    };
    await client.query(
      `INSERT INTO events (id, slug, title, description, venue, host_countries, languages, time_zone, display_zones, starts_at, ends_at, capacity, registration_policy, published_at, updated_at)
       VALUES ($1, $2, $3, $3, $3, '{KR}', '{ko,zh,en}', 'Asia/Seoul', '[]', $4, $5, $6, 'open', now(), now())`,
      [eventId, opts.slug, JSON.stringify(text), event.startsAt, event.endsAt, opts.capacity],
    );
    const forums: WriteEvent["forums"] = [];
    const snapshotForums = [];
    for (let i = 0; i < (opts.forums ?? 1); i++) {
      const forum = { id: crypto.randomUUID(), slug: i === 0 ? "main" : `f${i}`, roomName: "" };
      forum.roomName = `${opts.slug}--${forum.slug}`;
      const sessionId = crypto.randomUUID();
      await client.query(`INSERT INTO forums (id, event_id, slug, title, description, position, starts_at, ends_at, room_name, updated_at) VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, now())`, [
        forum.id,
        eventId,
        forum.slug,
        JSON.stringify(text),
        i + 1,
        at("01"),
        at("03"),
        forum.roomName,
      ]);
      await client.query(`INSERT INTO sessions (id, forum_id, key, title, abstract, language, starts_at, ends_at, updated_at) VALUES ($1, $2, 's1', $3, $3, 'ko', $4, $5, now())`, [
        sessionId,
        forum.id,
        JSON.stringify(text),
        at("01"),
        at("03"),
      ]);
      forums.push(forum);
      snapshotForums.push({
        id: forum.id,
        slug: forum.slug,
        title: text,
        description: text,
        position: i + 1,
        startsAt: at("01"),
        endsAt: at("03"),
        hosts: [],
        sessions: [{ id: sessionId, key: "s1", title: text, abstract: text, kind: "talk", language: "ko", startsAt: at("01"), endsAt: at("03"), sequence: 0, updatedAt: at("00"), speakers: [] }],
      });
    }
    await client.query(`INSERT INTO agenda_publications (id, event_id, version, snapshot, published_at) VALUES ($1, $2, 1, $3, now())`, [
      crypto.randomUUID(),
      eventId,
      JSON.stringify({ event, forums: snapshotForums }),
    ]);
    return { eventId, slug: opts.slug, forums };
  } finally {
    await client.end();
  }
}
