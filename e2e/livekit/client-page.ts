// A blank page running livekit-client's UMD build, served from loopback, for bare LiveKit
// participants in headless Chromium (browser specs, integration tests, benchmarks). Loopback is a
// secure context for the fake camera, and Chromium lets only a loopback page open the loopback
// LiveKit server. Tests drive the page with `page.evaluate` through `window.LivekitClient`.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const umd = path.resolve(import.meta.dirname, "../../node_modules/livekit-client/dist/livekit-client.umd.js");

/** livekit-client as the page exposes it. */
export type LiveKitGlobal = { LivekitClient: typeof import("livekit-client") };

export async function startClientPageServer(title = "participant"): Promise<{ origin: string; close(): Promise<void> }> {
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><script src="/livekit-client.umd.js"></script>`;
  const server = http.createServer((req, res) => {
    if (req.url === "/livekit-client.umd.js") fs.createReadStream(umd).pipe(res.writeHead(200, { "content-type": "text/javascript" }));
    else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
