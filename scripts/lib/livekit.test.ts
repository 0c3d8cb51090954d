// The test runs' LiveKit config: a cluster node's is the single server's plus the shared Redis and
// the node selector, and a template value nobody gave is an error, not an empty setting.
import { describe, expect, it } from "vitest";
import { renderConfig } from "./livekit.mjs";

const values = { SIGNAL_PORT: 7880, RTC_TCP_PORT: 7881, RTC_UDP_PORT: 7882, STUN_PORT: 3478, LOG_LEVEL: "info", webhookUrls: ["http://127.0.0.1:3000/api/livekit/webhook"] };

describe("renderConfig", () => {
  it("writes a single server without Redis, and a cluster node as the same server sharing Redis with a random node selector", () => {
    const single = renderConfig(values);
    const node = renderConfig({ ...values, REDIS_ADDRESS: "127.0.0.1:6390" });
    expect(single).not.toMatch(/^redis:/m);
    expect(node.startsWith(single)).toBe(true);
    expect(node).toMatch(/^redis:\n {2}address: 127\.0\.0\.1:6390$/m);
    expect(node).toMatch(/^node_selector:\n {2}kind: any\n {2}sort_by: random$/m);
    expect(node).toContain("    - http://127.0.0.1:3000/api/livekit/webhook");
    expect(node).not.toMatch(/\$\{[A-Z_]+\}/);
  });

  it("refuses a template value it was not given", () => {
    const { SIGNAL_PORT: _port, ...missing } = values;
    expect(() => renderConfig(missing)).toThrow(/SIGNAL_PORT/);
  });
});
