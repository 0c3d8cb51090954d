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

export interface Participant {
  page: Page;
  state(): Promise<StageState>;
  /** Publishes camera / microphone; resolves to an error message when LiveKit refuses. */
  enable(source: "camera" | "microphone", name?: string): Promise<string | null>;
  setAttributes(attrs: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function startStageBrowser() {
  const server = await startClientPageServer("stage");
  const browser: Browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });

  async function join(url: string, token: string): Promise<Participant> {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(server.origin);
    await p.evaluate(
      async ([url, token]) => {
        const LK = (window as unknown as LiveKitGlobal).LivekitClient;
        const room = new LK.Room();
        const w = window as unknown as { room: typeof room; reason: number | null };
        w.reason = null;
        room.on(LK.RoomEvent.Disconnected, (reason) => (w.reason = reason ?? null));
        w.room = room;
        await room.connect(url, token);
      },
      [url, token] as const,
    );
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
      enable: (source, name) =>
        p.evaluate(
          async ([source, name]) => {
            const LK = (window as unknown as LiveKitGlobal).LivekitClient;
            const lp = (window as unknown as { room: import("livekit-client").Room }).room.localParticipant;
            try {
              const track =
                source === "camera" ? await LK.createLocalVideoTrack({ resolution: LK.VideoPresets.h180.resolution }) : await LK.createLocalAudioTrack();
              await lp.publishTrack(track, { name: name ?? undefined, source: source === "camera" ? LK.Track.Source.Camera : LK.Track.Source.Microphone });
              return null;
            } catch (err) {
              return String((err as Error)?.message ?? err);
            }
          },
          [source, name ?? null] as const,
        ),
      setAttributes: (attrs) =>
        p.evaluate((attrs) => (window as unknown as { room: import("livekit-client").Room }).room.localParticipant.setAttributes(attrs), attrs),
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
