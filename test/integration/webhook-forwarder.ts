// Webhooks as LiveKit (or the Egress stand-in) posts them, handed to the app's own route handler:
// an HTTP server on loopback that turns each request into a Request for POST /api/livekit/webhook.
import http from "node:http";

export interface WebhookForwarder {
  url: string;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free one) and answers with whatever the app's webhook route answers. */
export async function forwardWebhooks(port = 0): Promise<WebhookForwarder> {
  const route = await import("../../app/api/livekit/webhook/route");
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const answer = await route.POST(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }), { params: Promise.resolve({}) });
    res.writeHead(answer.status).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${bound}/api/livekit/webhook`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
