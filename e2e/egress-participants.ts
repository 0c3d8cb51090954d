// Test-side parts for the recording layout spec: tokens signed with the run's LiveKit key, the
// recorder's minted exactly as LiveKit Egress mints its own (livekit/protocol egress
// BuildEgressToken: hidden, recorder, subscribe-only), and bare publishers in Chromium on the
// loopback livekit-client page.
import { AccessToken, RoomServiceClient, TrackType } from "livekit-server-sdk";
import type { Browser, Page } from "@playwright/test";
import { startClientPageServer, type LiveKitGlobal } from "./livekit/client-page";

export const liveKitUrl = process.env.LIVEKIT_URL ?? "ws://127.0.0.1:7880";
const apiKey = process.env.LIVEKIT_API_KEY ?? "devkey";
const apiSecret = process.env.LIVEKIT_API_SECRET ?? "secret";

export function recorderToken(room: string, egressId: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { identity: egressId, ttl: "1h" });
  token.addGrant({ roomJoin: true, room, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true, recorder: true });
  return token.toJwt();
}

export interface PublishedTrack {
  identity: string;
  sid: string;
  name: string;
  kind: "audio" | "video";
}

/** The server's list of the tracks published in `room`. */
export async function publishedTracks(room: string): Promise<PublishedTrack[]> {
  const service = new RoomServiceClient(liveKitUrl.replace(/^ws/, "http"), apiKey, apiSecret);
  const people = await service.listParticipants(room);
  return people.flatMap((p) => p.tracks.map((t) => ({ identity: p.identity, sid: t.sid, name: t.name, kind: t.type === TrackType.VIDEO ? ("video" as const) : ("audio" as const) })));
}

export type Publication = { kind: "camera" } | { kind: "microphone"; name?: string };

export type Publishers = Awaited<ReturnType<typeof startPublishers>>;

/** A loopback server for the publishers' page; `join` puts one publisher in a room. */
export async function startPublishers(browser: Browser) {
  const server = await startClientPageServer("publisher");
  const pages: Page[] = [];

  /** Joins `room` as `identity` and publishes the fake camera and/or microphone (under `name`).
   * `attributes` stand for what the app's server writes (a role, a booth claim): the token is
   * signed with the server's key, and no participant can write its own. */
  async function join(room: string, identity: string, name: string, publications: Publication[], attributes: Record<string, string> = {}): Promise<void> {
    const token = new AccessToken(apiKey, apiSecret, { identity, name, ttl: "1h", attributes });
    token.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: false });
    const page = await (await browser.newContext()).newPage();
    pages.push(page);
    await page.goto(server.origin);
    await page.evaluate(
      async ([url, jwt, publications]) => {
        const LK = (window as unknown as LiveKitGlobal).LivekitClient;
        const lkRoom = new LK.Room();
        await lkRoom.connect(url, jwt);
        for (const p of publications) {
          const track = p.kind === "camera" ? await LK.createLocalVideoTrack({ resolution: LK.VideoPresets.h180.resolution }) : await LK.createLocalAudioTrack();
          const source = p.kind === "camera" ? LK.Track.Source.Camera : LK.Track.Source.Microphone;
          await lkRoom.localParticipant.publishTrack(track, { source, name: p.kind === "microphone" ? p.name : undefined });
        }
      },
      [liveKitUrl, await token.toJwt(), publications] as const,
    );
  }

  async function close() {
    await Promise.all(pages.map((p) => p.context().close()));
    await server.close();
  }

  return { join, close };
}
