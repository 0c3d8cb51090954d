// Puts the resolved client address on every request before Next.js sees it. Next passes a
// client's own X-Forwarded-For on untouched (it fills the header in only when there is none), so
// the app cannot tell a real one from a made-up one; this hook, on Node's `http.server.request.start`
// diagnostics channel (published for each request before the server's handler runs), writes the
// one address that counts into a header of ours, replacing whatever the client sent under that
// name. The value carries a secret of this process, so a request parsed before the hook was
// installed (at boot) cannot pass off a header of its own: only marked values are believed.
import "server-only";
import crypto from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { resolveClientAddress } from "./client-address";

const holder = globalThis as unknown as { plenaryAddressMark?: string; plenaryAddressHook?: (message: unknown) => void };

/** The header that carries the resolved address, and its mark. */
export const CLIENT_ADDRESS_HEADER = "x-plenary-client-address";

function mark(): string {
  holder.plenaryAddressMark ??= crypto.randomBytes(12).toString("base64url");
  return holder.plenaryAddressMark;
}

export function installClientAddressHook(trustedHops: number) {
  if (holder.plenaryAddressHook) return;
  const secret = mark();
  holder.plenaryAddressHook = (message) => {
    const { request } = message as { request: IncomingMessage };
    const address = resolveClientAddress(request.socket?.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
    request.headers[CLIENT_ADDRESS_HEADER] = `${address}, ${secret}`;
  };
  diagnostics.subscribe("http.server.request.start", holder.plenaryAddressHook);
}

/** The resolved address of a request, or "unknown" when the hook did not see it. */
export function markedClientAddress(headers: Headers): string {
  const secret = holder.plenaryAddressMark;
  const [address, seal] = (headers.get(CLIENT_ADDRESS_HEADER) ?? "").split(",").map((s) => s.trim());
  return secret && seal === secret && address ? address : "unknown";
}
