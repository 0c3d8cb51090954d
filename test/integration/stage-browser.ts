// Real participants for the LiveKit integration tests: headless Chromium with a fake camera and
// microphone, each in its own context, on the loopback livekit-client page. Tests drive them with `page.evaluate`, so the browser's view can be compared
// with what the LiveKit server reports.
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "../../e2e/chromium";
import { startClientPageServer, type LiveKitGlobal } from "../../e2e/livekit/client-page";

export interface StageState {
  state: string;
  disconnectReason: number | null;
  canPublish: boolean | undefined;
  tracks: { source: string; sid: string; muted: boolean; name: string }[];
  attributes: Record<string, string>;
  remoteIdentities: string[];
}

/** Another participant as this client sees them. */
export interface RemoteView {
  identity: string;
  name: string;
  attributes: Record<string, string>;
  metadata: string;
  canPublish: boolean | undefined;
  tracks: { sid: string; name: string; source: string; kind: string; muted: boolean }[];
}

export interface Participant {
  page: Page;
  state(): Promise<StageState>;
  /** Everyone else in the room, as this participant's own client sees them. */
  view(): Promise<RemoteView[]>;
  /** Data packets received so far: topic, the sending participant (null: the server) and text. */
  packets(): Promise<{ topic: string | null; from: string | null; text: string }[]>;
  /** Sends a data packet as this participant, as any client could. */
  publishData(topic: string, text: string): Promise<void>;
  /** Publishes camera / microphone (a camera track may be published as a screen share, to test
   * the source permission); resolves to an error message when LiveKit refuses. */
  enable(source: "camera" | "microphone" | "screen_share", name?: string): Promise<string | null>;
  /** Unmutes this participant's own track (after a server mute); resolves to an error or null. */
  unmute(sid: string): Promise<string | null>;
  setAttributes(attrs: Record<string, string>): Promise<void>;
  /** What a hostile client tries on itself: resolves to LiveKit's refusal, or null if it took. */
  attempt(change: { attributes?: Record<string, string>; name?: string; metadata?: string }): Promise<string | null>;
  close(): Promise<void>;
}

export async function startStageBrowser() {
  const server = await startClientPageServer("stage");
  const browser: Browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });

  /** Joins with `token`; with `mayFail`, a connection the server ends while it is being made
   * (a participant removed on sight) resolves to a participant whose state says disconnected. */
  async function join(url: string, token: string, { mayFail = false } = {}): Promise<Participant> {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(server.origin);
    const failed = await p.evaluate(
      async ([url, token]) => {
        const LK = (window as unknown as LiveKitGlobal).LivekitClient;
        const room = new LK.Room();
        const w = window as unknown as { room: typeof room; reason: number | null; packets: { topic: string | null; from: string | null; text: string }[] };
        w.reason = null;
        w.packets = [];
        room.on(LK.RoomEvent.Disconnected, (reason) => (w.reason = reason ?? null));
        // The sender as the server asserted it (the event's last argument): empty for the server's own.
        room.on(LK.RoomEvent.DataReceived, (payload, _participant, _kind, topic, _encryption, sender) =>
          w.packets.push({ topic: topic ?? null, from: sender || null, text: new TextDecoder().decode(payload) }),
        );
        w.room = room;
        try {
          await room.connect(url, token);
          return null;
        } catch (err) {
          return String((err as Error)?.message ?? err);
        }
      },
      [url, token] as const,
    );
    if (failed && !mayFail) {
      await context.close();
      throw new Error(`could not join: ${failed}`);
    }
    return {
      page: p,
      state: () =>
        p.evaluate(() => {
          const w = window as unknown as { room: import("livekit-client").Room; reason: number | null };
          const lp = w.room.localParticipant;
          return {
            state: w.room.state as string,
            disconnectReason: w.reason,
            canPublish: lp.permissions?.canPublish,
            tracks: [...lp.trackPublications.values()].map((t) => ({ source: t.source as string, sid: t.trackSid, muted: t.isMuted, name: t.trackName })),
            attributes: { ...lp.attributes },
            remoteIdentities: [...w.room.remoteParticipants.keys()],
          };
        }),
      packets: () => p.evaluate(() => (window as unknown as { packets: { topic: string | null; from: string | null; text: string }[] }).packets),
      publishData: (topic, text) =>
        p.evaluate(([topic, text]) => (window as unknown as { room: import("livekit-client").Room }).room.localParticipant.publishData(new TextEncoder().encode(text), { reliable: true, topic }), [
          topic,
          text,
        ] as const),
      view: () =>
        p.evaluate(() => {
          const w = window as unknown as { room: import("livekit-client").Room };
          return [...w.room.remoteParticipants.values()].map((r) => ({
            identity: r.identity,
            name: r.name ?? "",
            attributes: { ...r.attributes },
            metadata: r.metadata ?? "",
            canPublish: r.permissions?.canPublish,
            tracks: [...r.trackPublications.values()].map((t) => ({ sid: t.trackSid, name: t.trackName, source: t.source as string, kind: t.kind as string, muted: t.isMuted })),
          }));
        }),
      enable: (source, name) =>
        p.evaluate(
          async ([source, name]) => {
            const LK = (window as unknown as LiveKitGlobal).LivekitClient;
            const lp = (window as unknown as { room: import("livekit-client").Room }).room.localParticipant;
            const sources = { camera: LK.Track.Source.Camera, microphone: LK.Track.Source.Microphone, screen_share: LK.Track.Source.ScreenShare };
            try {
              const track = source === "microphone" ? await LK.createLocalAudioTrack() : await LK.createLocalVideoTrack({ resolution: LK.VideoPresets.h180.resolution });
              await lp.publishTrack(track, { name: name ?? undefined, source: sources[source] });
              return null;
            } catch (err) {
              return String((err as Error)?.message ?? err);
            }
          },
          [source, name ?? null] as const,
        ),
      unmute: (sid) =>
        p.evaluate(async (sid) => {
          const lp = (window as unknown as { room: import("livekit-client").Room }).room.localParticipant;
          const pub = [...lp.trackPublications.values()].find((t) => t.trackSid === sid);
          try {
            // A server mute that reached the server before the client knew its own track is not
            // applied by the client; muting first makes the unmute reach the server either way.
            if (pub && !pub.isMuted) await pub.mute();
            await pub?.unmute();
            return pub ? null : "no such track";
          } catch (err) {
            return String((err as Error)?.message ?? err);
          }
        }, sid),
      attempt: (change) =>
        p.evaluate(async (change) => {
          const lp = (window as unknown as { room: import("livekit-client").Room }).room.localParticipant;
          // The SDK waits for the server's answer; a refusal comes back as an error (or never).
          const settle = <T>(promise: Promise<T>) =>
            Promise.race([promise.then(() => null), new Promise<string>((r) => setTimeout(() => r("no answer"), 5000))]).catch((err: unknown) => String((err as Error)?.message ?? err));
          if (change.attributes) return settle(lp.setAttributes(change.attributes));
          if (change.name !== undefined) return settle(lp.setName(change.name));
          return settle(lp.setMetadata(change.metadata ?? ""));
        }, change),
      setAttributes: (attrs) => p.evaluate((attrs) => (window as unknown as { room: import("livekit-client").Room }).room.localParticipant.setAttributes(attrs), attrs),
      close: () => context.close(),
    };
  }

  return {
    join,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
