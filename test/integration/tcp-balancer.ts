// A load balancer for tests: a TCP proxy on loopback that hands each new connection to the next
// backend port in turn, with no stickiness, as a load balancer in front of LiveKit's signalling
// ports may (README, "Growing past one machine"). Counts the connections each backend took.
import net from "node:net";

export async function startTcpBalancer(backends: number[]) {
  const counts = backends.map(() => 0);
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const i = next++ % backends.length;
    counts[i]++;
    const upstream = net.connect(backends[i], "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once("close", () => sockets.delete(s));
      s.once("error", () => (s === client ? upstream : client).destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
