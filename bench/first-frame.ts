// Click-to-first-remote-frame (issue 6): in headless Chromium with a fake camera, against a local
// LiveKit server on loopback, the time from starting to connect to the first decoded frame of a
// speaker already on stage. Median of 10 joins. Run: npm run bench:first-frame
import { chromium } from "@playwright/test";
import { AccessToken } from "livekit-server-sdk";
import { chromiumArgs, chromiumExecutable } from "../e2e/chromium";
import { startClientPageServer, type LiveKitGlobal } from "../e2e/livekit/client-page";
import { startLiveKit } from "../scripts/lib/livekit.mjs";
import { printTable } from "./lib";

const JOINS = process.argv.includes("--quick") ? 3 : 10;
const ROOM = "bench-stage";

async function token(lk: { apiKey: string; apiSecret: string }, identity: string) {
  const t = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: 600 });
  t.addGrant({ roomJoin: true, room: ROOM, canPublish: true, canSubscribe: true });
  return t.toJwt();
}

async function main() {
  const lk = await startLiveKit({ logLevel: "warn" });
  const server = await startClientPageServer("bench");
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  const samples: number[] = [];
  try {
    const speaker = await (await browser.newContext()).newPage();
    await speaker.goto(origin);
    await speaker.evaluate(
      async ([url, jwt]) => {
        const LK = (window as unknown as LiveKitGlobal).LivekitClient;
        const room = new LK.Room();
        await room.connect(url, jwt);
        await room.localParticipant.setCameraEnabled(true);
      },
      [lk.url, await token(lk, "speaker")] as const,
    );
    for (let i = 0; i < JOINS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin);
      const ms = await page.evaluate(
        async ([url, jwt]) => {
          const LK = (window as unknown as LiveKitGlobal).LivekitClient;
          const room = new LK.Room();
          const start = performance.now();
          const firstFrame = new Promise<number>((resolve) => {
            room.on(LK.RoomEvent.TrackSubscribed, (track) => {
              if (track.kind !== "video") return;
              const video = track.attach() as HTMLVideoElement;
              video.muted = true;
              document.body.append(video);
              video.requestVideoFrameCallback(() => resolve(performance.now() - start));
            });
          });
          await room.connect(url, jwt);
          return firstFrame;
        },
        [lk.url, await token(lk, `viewer-${i}`)] as const,
      );
      samples.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await lk.stop();
  }
  const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  printTable("Click to first remote frame", [{ workload: `join → first remote video frame, ${JOINS} joins`, samples, extra: `median ${median.toFixed(0)} ms (target < 1,500 ms)` }]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
