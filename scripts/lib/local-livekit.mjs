// `npm start`'s LiveKit: when LIVEKIT_URL is not set and a livekit-server binary is installed
// (LIVEKIT_SERVER_BIN, `livekit-server` on PATH, or the cache .ci/run builds), start it with the
// tests' loopback configuration, its webhooks posted to the app; otherwise say in one line how to
// get one. Rooms need it; everything else works without.
import path from "node:path";
import { spawnSync } from "node:child_process";
import { findLiveKitServer, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, startLiveKit } from "./livekit.mjs";

export const INSTALL_HINT =
  "No LiveKit server found, so live rooms will not connect. Install one with `go install github.com/livekit/livekit-server/cmd/server@v1.13.5` " +
  "(or see https://docs.livekit.io/home/self-hosting/local/), set LIVEKIT_SERVER_BIN to it, or point LIVEKIT_URL at a running server.";

/** Starts the local server, or returns null (with the reason logged). `env` is what the app needs. */
export async function startLocalLiveKit({ port, dataDir, log, env = process.env, bin = findLiveKitServer(env) }) {
  if (env.LIVEKIT_URL) {
    log(`LiveKit: ${env.LIVEKIT_URL} (LIVEKIT_URL)`);
    return null;
  }
  if (!bin) {
    log(INSTALL_HINT);
    return null;
  }
  const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim();
  const logFile = path.join(dataDir, "livekit.log");
  const server = await startLiveKit({ bin, webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`], logFile });
  log(`LiveKit: ${version} on ${server.url}, loopback only (log: ${path.relative(process.cwd(), logFile)})`);
  return {
    url: server.url,
    stop: server.stop,
    env: { LIVEKIT_URL: server.url, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_API_URL: "" },
  };
}
