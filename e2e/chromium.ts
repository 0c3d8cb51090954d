// How every test launches Chromium: Debian's where installed (CI, this project's machines),
// Playwright's own elsewhere; a fake camera and microphone granted without a prompt; loopback ICE
// candidates, because the test LiveKit server offers only 127.0.0.1 (e2e/livekit/).
import fs from "node:fs";

export const chromiumExecutable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  // Screen sharing picks the (virtual) screen without a picker.
  "--auto-select-desktop-capture-source=Entire screen",
  "--allow-loopback-in-peer-connection",
];
