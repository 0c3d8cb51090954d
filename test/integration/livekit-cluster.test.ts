// Two livekit-server nodes sharing one Redis (README, "Growing past one machine"): rooms land on
// either node, a token works through either node's address, RoomService through either sees every
// room, and each node's webhooks arrive exactly once — with the real server, SDKs and Chromium.
import http from "node:http";
import { AccessToken, RoomServiceClient, WebhookReceiver, type VideoGrant, type WebhookEvent } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLiveKitClusterForTests, type LiveKitCluster } from "../../scripts/lib/livekit.mjs";
import { redisHash } from "../../scripts/lib/redis.mjs";
import { startStageBrowser, type Participant } from "./stage-browser";

interface Delivery {
  /** The node whose webhook URL it came to. */
  node: number;
  event: WebhookEvent;
}

/** Receives the nodes' webhooks (node i posts to /node-<i>), each checked with the SDK's WebhookReceiver. */
async function listenForWebhooks() {
  const receiver = new WebhookReceiver("devkey", "secret");
  const deliveries: Delivery[] = [];
  const rejected: string[] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    try {
      const event = await receiver.receive(body, req.headers.authorization);
      deliveries.push({ node: Number(/\/node-(\d+)$/.exec(req.url ?? "")?.[1] ?? -1), event });
      res.writeHead(200).end();
    } catch (err) {
      rejected.push(String(err));
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { port, deliveries, rejected, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const hooks = await listenForWebhooks();
const started = await startLiveKitClusterForTests({ nodes: 2, webhookUrls: (i) => [`http://127.0.0.1:${hooks.port}/node-${i}`] });
const skipped = "skipped" in started ? started.skipped : null;
if (skipped) {
  console.warn(skipped);
  await hooks.close();
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The node that answered this participant's join (LiveKit's server info: the room's node). */
const joinedNode = (p: Participant) => p.page.evaluate(() => (window as unknown as { room: import("livekit-client").Room }).room.serverInfo?.nodeId ?? null);

/** Bytes of `identity`'s video received so far by this participant (its inbound RTP). */
const videoBytesFrom = (p: Participant, identity: string) =>
  p.page.evaluate(async (identity) => {
    const room = (window as unknown as { room: import("livekit-client").Room }).room;
    const pub = [...(room.remoteParticipants.get(identity)?.videoTrackPublications.values() ?? [])][0];
    const report = await pub?.videoTrack?.getRTCStatsReport();
    let bytes = 0;
    report?.forEach((s: { type: string; bytesReceived?: number }) => (bytes += s.type === "inbound-rtp" ? (s.bytesReceived ?? 0) : 0));
    return bytes;
  }, identity);

describe.skipIf(!!skipped)("LiveKit cluster: two nodes sharing one Redis", () => {
  const lk = started as LiveKitCluster;
  const services = lk.nodes?.map((n) => new RoomServiceClient(n.httpUrl, lk.apiKey, lk.apiSecret));
  const tag = Date.now().toString(36);
  const created: string[] = [];
  /** Rooms by the index of the node that hosts them. */
  const hosted: string[][] = [[], []];
  const joined: { room: string; identity: string }[] = [];
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;

  const roomNodeMap = () => redisHash(lk.redisPort, "room_node_map");
  const nodeIndex = (nodeId: string | null | undefined) => lk.nodes.findIndex((n) => n.nodeId === nodeId);

  function token(room: string, identity: string, grant: Partial<VideoGrant> = {}) {
    const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: 600 });
    at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true, ...grant });
    return at.toJwt();
  }

  beforeAll(async () => {
    browser = await startStageBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await lk.stop();
    await hooks.close();
  });

  it("places rooms created through either node on both nodes (random node selector), and every node lists every room", async () => {
    // Alternating the node asked; the selector picks the host at random among serving nodes, so
    // both hold rooms after a few (a run that put 24 in a row on one node would fail, 1 in 8 million).
    for (let i = 0; i < 24 && (created.length < 6 || hosted.some((rooms) => rooms.length === 0)); i++) {
      const name = `cluster-${tag}-${i}`;
      await services[i % 2].createRoom({ name, emptyTimeout: 300 });
      created.push(name);
      const host = nodeIndex((await roomNodeMap())[name]);
      expect(host).toBeGreaterThanOrEqual(0);
      hosted[host].push(name);
    }
    expect(hosted.map((rooms) => rooms.length).every((n) => n > 0)).toBe(true);
    const seen = await Promise.all(services.map((s) => s.listRooms(created)));
    for (const rooms of seen) expect(rooms.map((r) => r.name).sort()).toEqual([...created].sort());
    // One room, one sid, whichever node is asked.
    expect(seen[0].map((r) => `${r.name}:${r.sid}`).sort()).toEqual(seen[1].map((r) => `${r.name}:${r.sid}`).sort());
  });

  it.each([
    [0, 1],
    [1, 0],
  ])("a token works through either address: in a room on node %i, participants who reached node %i see the speaker, get its video, and send it data", async (host, other) => {
    const room = hosted[host][0];
    const speaker = await browser.join(lk.nodes[host].url, await token(room, `speaker-${host}`));
    const listener = await browser.join(lk.nodes[other].url, await token(room, `listener-${host}`));
    // The audience's grant: hidden and subscribe-only.
    const audience = await browser.join(
      lk.nodes[other].url,
      await token(room, `audience-${host}`, { hidden: true, canPublish: false, canPublishData: false, canPublishSources: [], canUpdateOwnMetadata: false }),
    );
    joined.push(...[`speaker-${host}`, `listener-${host}`, `audience-${host}`].map((identity) => ({ room, identity })));
    try {
      // Whichever node the signal connection reached, the room's own node answered the join.
      for (const p of [speaker, listener, audience]) expect(nodeIndex(await joinedNode(p))).toBe(host);
      expect(await speaker.enable("camera")).toBeNull();
      for (const p of [listener, audience])
        await until(
          () => videoBytesFrom(p, `speaker-${host}`),
          (bytes) => bytes > 20_000,
        );
      await listener.publishData("cluster", `hello from node ${other}`);
      await until(
        () => speaker.packets(),
        (ps) => ps.some((p) => p.text === `hello from node ${other}` && p.from === `listener-${host}`),
      );
      // The hidden audience member is in the room for both nodes' RoomService, and for no participant.
      // (A participant update crosses nodes through Redis: the speaker may have the listener's data
      // before its arrival, so each view is waited for, and must then hold exactly that.)
      const sees = (p: typeof speaker, who: string) =>
        until(
          async () => (await p.view()).map((r) => r.identity),
          (ids) => ids.includes(who),
        );
      expect(await sees(speaker, `listener-${host}`)).toEqual([`listener-${host}`]);
      expect(await sees(listener, `speaker-${host}`)).toEqual([`speaker-${host}`]);
      for (const s of services) {
        const ps = await s.listParticipants(room);
        expect(ps.map((p) => p.identity).sort()).toEqual([`audience-${host}`, `listener-${host}`, `speaker-${host}`]);
      }
    } finally {
      await Promise.all([speaker.close(), listener.close(), audience.close()]);
    }
  });

  it("each node sends the webhooks of the rooms it hosts, every one exactly once", async () => {
    // Every room still open (the joined ones closed when their last participant left) ends
    // through the node that does not host it.
    const hostOf = (room: string) => hosted.findIndex((rooms) => rooms.includes(room));
    const open = (await services[0].listRooms(created)).map((r) => r.name);
    expect(open.length).toBeGreaterThan(0);
    await Promise.all(open.map((room) => services[1 - hostOf(room)].deleteRoom(room)));
    const finished = () => new Set(hooks.deliveries.filter((d) => d.event.event === "room_finished").map((d) => d.event.room?.name));
    await until(
      async () => created.filter((room) => !finished().has(room)),
      (left) => left.length === 0,
      30_000,
    );
    const leftOf = (room: string, identity: string) => hooks.deliveries.some((d) => d.event.event === "participant_left" && d.event.room?.name === room && d.event.participant?.identity === identity);
    await until(
      async () => joined.filter((j) => !leftOf(j.room, j.identity)),
      (left) => left.length === 0,
    );
    // Time for a duplicate to arrive, were one coming.
    await new Promise((r) => setTimeout(r, 3000));

    const mine = hooks.deliveries.filter((d) => created.includes(d.event.room?.name ?? ""));
    expect(hooks.rejected).toEqual([]);
    const ids = mine.map((d) => d.event.id);
    expect(new Set(ids).size).toBe(ids.length);
    const key = (d: Delivery) => [d.event.event, d.event.room?.name, d.event.participant?.identity ?? "", d.event.track?.sid ?? ""].join(" ");
    const counts = new Map<string, number>();
    for (const d of mine) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);

    for (const room of created) {
      const host = hostOf(room);
      const events = mine.filter((d) => d.event.room?.name === room);
      expect(events.every((d) => d.node === host)).toBe(true);
      expect(events.filter((d) => d.event.event === "room_started")).toHaveLength(1);
      expect(events.filter((d) => d.event.event === "room_finished")).toHaveLength(1);
    }
    for (const { room, identity } of joined) {
      const of = (event: string) => mine.filter((d) => d.event.event === event && d.event.room?.name === room && d.event.participant?.identity === identity);
      expect([of("participant_joined").length, of("participant_left").length]).toEqual([1, 1]);
    }
    // Both nodes delivered: each hosted rooms, and each room's webhooks came from its host.
    expect(new Set(mine.map((d) => d.node))).toEqual(new Set([0, 1]));
  });
});
