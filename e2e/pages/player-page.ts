// Page object of the recordings player (session pages and recording pages).
import { expect, type Locator, type Page } from "@playwright/test";

export interface MediaState {
  time: number;
  paused: boolean;
  muted: boolean;
  readyState: number;
  src: string;
}

const read = (m: HTMLMediaElement): MediaState => ({ time: m.currentTime, paused: m.paused, muted: m.muted, readyState: m.readyState, src: m.currentSrc || m.src });

export class PlayerPage {
  readonly region: Locator;
  readonly video: Locator;
  readonly audio: Locator;
  readonly chapters: Locator;
  readonly speed: Locator;
  readonly channel: Locator;
  readonly copyLink: Locator;
  readonly nowPlaying: Locator;
  readonly channelOutside: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByTestId("player");
    this.video = page.getByTestId("video");
    this.audio = page.getByTestId("channel-audio");
    this.chapters = page.getByTestId("chapter");
    this.speed = page.getByTestId("speed");
    this.channel = page.getByTestId("channel");
    this.copyLink = page.getByTestId("copy-moment");
    this.nowPlaying = page.getByTestId("now-playing");
    this.channelOutside = page.getByTestId("channel-outside");
  }

  videoState(): Promise<MediaState> {
    return this.video.evaluate(read);
  }

  audioState(): Promise<MediaState> {
    return this.audio.evaluate(read);
  }

  /** The video's and the channel's state read at the same instant (two reads one after the other
   * are apart by however long the browser takes to answer, which under load is most of a second). */
  async bothStates(): Promise<{ video: MediaState; audio: MediaState }> {
    const handle = await this.audio.elementHandle();
    return this.video.evaluate((v, a) => {
      const r = (m: HTMLMediaElement) => ({ time: m.currentTime, paused: m.paused, muted: m.muted, readyState: m.readyState, src: m.currentSrc || m.src });
      return { video: r(v as HTMLMediaElement), audio: r(a as HTMLMediaElement) };
    }, handle);
  }

  /** Resolves once the video knows its duration (and the player has applied its start). */
  async loaded() {
    await expect.poll(async () => (await this.videoState()).readyState, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  }

  /** A keyboard shortcut with the player focused (trusted input, so playback may start). */
  async press(key: string) {
    await this.region.focus();
    await this.page.keyboard.press(key);
  }

  async expectTime(seconds: number, within = 0.5) {
    await expect.poll(async () => Math.abs((await this.videoState()).time - seconds), { timeout: 10_000 }).toBeLessThan(within);
  }

  async expectPlaying(after: number) {
    // A wait, not a speed limit: beside the other specs' servers the first media bytes after a
    // seek took over 15 s to arrive on two cores.
    await expect.poll(async () => (await this.videoState()).time, { timeout: 30_000 }).toBeGreaterThan(after);
    expect((await this.videoState()).paused).toBe(false);
  }
}
