// Page object of the audience's watch page (/{locale}/events/{slug}/forums/{forumSlug}/watch):
// the player the page chose (WebRTC or HLS), its channel picker, and what hls.js reports.
import { expect, type Locator, type Page } from "@playwright/test";

export class WatchPage {
  readonly player: Locator;
  readonly webrtc: Locator;
  readonly hls: Locator;
  readonly video: Locator;
  readonly channel: Locator;

  constructor(readonly page: Page) {
    this.player = page.getByTestId("watch-player");
    this.webrtc = page.getByTestId("webrtc-player");
    this.hls = page.getByTestId("hls-player");
    this.video = page.getByTestId("hls-video");
    this.channel = page.getByLabel("Listen in");
  }

  async open(slug: string, forumSlug: string, locale = "en") {
    const response = await this.page.goto(`/${locale}/events/${slug}/forums/${forumSlug}/watch`);
    expect(response?.status()).toBe(200);
  }

  /** Waits until the WebRTC player's main tile shows `identity`'s camera, decoding frames. */
  async expectStageVideo(identity: string) {
    const video = this.webrtc.locator(`[data-testid="egress-tile"][data-identity="${identity}"][data-place="main"] video`);
    await expect(video).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  }

  /** The track names of the audio the WebRTC player plays now. */
  audioTracks(): Promise<string[]> {
    return this.webrtc.getByTestId("watch-audio").evaluateAll((els) => els.map((e) => e.getAttribute("data-track-name") ?? "").sort());
  }

  currentTime(): Promise<number> {
    return this.video.evaluate((v: HTMLVideoElement) => v.currentTime);
  }

  /** Waits until HLS playback advances by `seconds`. */
  async expectHlsAdvancing(seconds = 2) {
    await expect.poll(() => this.currentTime(), { timeout: 60_000 }).toBeGreaterThan(0);
    const from = await this.currentTime();
    await expect.poll(() => this.currentTime(), { timeout: 20_000 }).toBeGreaterThan(from + seconds);
  }

  /** The LANGUAGE of the audio rendition hls.js plays ("" for the floor). */
  renditionLang(): Promise<string | null> {
    return this.hls.getAttribute("data-rendition-lang");
  }
}
