// `npm start`'s LiveKit step (scripts/lib/local-livekit.mjs): with a livekit-server installed it
// brings one up on loopback that answers RoomService, and the app is given its address; without
// one, or with LIVEKIT_URL set, it starts nothing and says so in one line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RoomServiceClient } from "livekit-server-sdk";
import { describe, expect, inject, it } from "vitest";
import { findLiveKitServer } from "../../scripts/lib/livekit.mjs";
import { INSTALL_HINT, startLocalLiveKit } from "../../scripts/lib/local-livekit.mjs";

const livekit = inject("livekit");
const skipped = "skipped" in livekit ? livekit.skipped : null;

describe("npm start's LiveKit step", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-start-"));

  it.skipIf(!!skipped)("starts the installed server on loopback and hands the app its address and keys", async () => {
    const lines: string[] = [];
    const local = await startLocalLiveKit({ port: 3999, dataDir, log: (m) => lines.push(m), env: { PATH: "" }, bin: findLiveKitServer() });
    try {
      expect(local).not.toBeNull();
      expect(local!.env).toMatchObject({ LIVEKIT_URL: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/), LIVEKIT_API_KEY: "devkey", LIVEKIT_API_SECRET: "secret" });
      const rooms = new RoomServiceClient(local!.url.replace("ws://", "http://"), "devkey", "secret");
      await rooms.createRoom({ name: "npm-start-probe" });
      expect((await rooms.listRooms(["npm-start-probe"])).map((r) => r.name)).toEqual(["npm-start-probe"]);
      expect(lines.join("\n")).toMatch(/LiveKit: .*on ws:\/\/127\.0\.0\.1/);
      expect(fs.existsSync(path.join(dataDir, "livekit.log"))).toBe(true);
    } finally {
      await local?.stop();
    }
  });

  it("starts nothing without a server, and says in one line how to get one", async () => {
    const lines: string[] = [];
    expect(await startLocalLiveKit({ port: 3999, dataDir, log: (m) => lines.push(m), env: {}, bin: null })).toBeNull();
    expect(lines).toEqual([INSTALL_HINT]);
  });

  it("leaves a LiveKit named by LIVEKIT_URL to itself", async () => {
    const lines: string[] = [];
    expect(await startLocalLiveKit({ port: 3999, dataDir, log: (m) => lines.push(m), env: { LIVEKIT_URL: "wss://example.livekit.cloud" } })).toBeNull();
    expect(lines).toEqual(["LiveKit: wss://example.livekit.cloud (LIVEKIT_URL)"]);
  });
});
