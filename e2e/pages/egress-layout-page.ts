// Page object of the recording layout pages (/{locale}/egress/{forumId}[/channel/{lang}]) as
// LiveKit Egress's Chrome opens them: with ?url=…&token=…&layout=…, its console watched for the
// SDK's START_RECORDING. Every remote track arriving over WebRTC is noted from the first script on,
// so the test reads what the LiveKit server actually sent, not only what the page draws.
import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export class EgressLayoutPage {
  readonly console: string[] = [];
  readonly lowerThird: Locator;

  private constructor(readonly page: Page) {
    this.lowerThird = page.getByTestId("lower-third-title");
    page.on("console", (m) => this.console.push(m.text()));
  }

  static async open(browser: Browser, path: string, params: { url: string; token: string; layout: string }) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.addInitScript(() => {
      const Native = window.RTCPeerConnection;
      const arrivals: { kind: string; ids: string }[] = [];
      Object.assign(window, { __arrivals: arrivals });
      window.RTCPeerConnection = class extends Native {
        constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
          super(...args);
          // LiveKit's SFU names each stream `<participant sid>|<track sid>`.
          this.addEventListener("track", (e) => arrivals.push({ kind: e.track.kind, ids: `${e.streams.map((s) => s.id).join(" ")} ${e.track.id}` }));
        }
      };
    });
    const layout = new EgressLayoutPage(page);
    const response = await page.goto(`${path}?${new URLSearchParams(params)}`);
    expect(response?.status(), "the layout page answers without a redirect or a sign-in").toBe(200);
    expect(new URL(page.url()).pathname).toBe(path);
    return layout;
  }

  tile(identity: string, source: "camera" | "screen" = "camera") {
    return this.page.locator(`[data-testid="egress-tile"][data-identity="${identity}"][data-source="${source}"]`);
  }

  /** Waits until `identity`'s camera decodes frames in the main tile. */
  async expectMainVideoPlaying(identity: string) {
    const video = this.tile(identity).and(this.page.locator("[data-place=main]")).locator("video");
    await expect(video).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  }

  async expectRecordingStarted() {
    await expect.poll(() => this.console.filter((l) => l === "START_RECORDING").length, { timeout: 15_000 }).toBe(1);
  }

  /** Sids of the LiveKit tracks of `kind` that have arrived over WebRTC, in arrival order. */
  async received(kind: "audio" | "video"): Promise<string[]> {
    const arrivals = await this.page.evaluate(() => (window as unknown as { __arrivals: { kind: string; ids: string }[] }).__arrivals);
    // Connections of the client's own (probing codecs, say) carry no track sid.
    return [...new Set(arrivals.flatMap((a) => (a.kind === kind ? (a.ids.match(/TR_\w+/) ?? []) : [])))];
  }

  audioElements(trackName: string) {
    return this.page.locator(`[data-testid="egress-audio"][data-track-name="${trackName}"]`);
  }

  async close() {
    await this.page.context().close();
  }
}
