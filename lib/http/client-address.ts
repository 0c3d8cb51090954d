// The address a request came from, for per-address limits. X-Forwarded-For is written by whoever
// sends the request, so it counts only for the proxies the operator declared (TRUSTED_PROXY_HOPS):
// each appends the address it received the request from, and the client is the entry that many
// hops before the connection's own address. With no trusted proxy it is the connection's address.
// Pure: unit-tested beside; lib/http/client-address-hook.ts applies it to every request.

/** The client address from the connection's address and the X-Forwarded-For it arrived with. */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = normalizeAddress(socketAddress) || "unknown";
  if (trustedHops <= 0) return peer;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((a) => normalizeAddress(a))
    .filter(Boolean);
  // [client, proxy1, …, proxyN-1] + the connection (proxy N): the client is trustedHops back from the end.
  const chain = [...listed, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/** "::ffff:203.0.113.9" → "203.0.113.9"; "[2001:db8::1]:443" → "2001:db8::1"; junk → "". */
export function normalizeAddress(value: string | undefined): string {
  let a = (value ?? "").trim().toLowerCase();
  if (!a || a.length > 64) return "";
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.split(":")[0];
  if (a.startsWith("::ffff:") && /^\d+\.\d+\.\d+\.\d+$/.test(a.slice(7))) a = a.slice(7);
  return /^[0-9a-f:.]+$/.test(a) ? a : "";
}
