// What a production server refuses to start with: configuration that runs locally but would let
// anyone in elsewhere — sessions without a secret, LiveKit's public development key pair (anyone
// can sign webhooks and tokens with it), a public address without TLS. One message per variable.
// Pure: unit-tested beside; lib/env.ts applies it at boot.

export interface ProductionFacts {
  AUTH_SECRET?: string;
  LIVEKIT_API_KEY: string;
  LIVEKIT_API_SECRET: string;
  PUBLIC_BASE_URL: string;
}

/** LiveKit's `--dev` pair, printed in its documentation and in ours. */
export const LIVEKIT_DEV_KEY = "devkey";
export const LIVEKIT_DEV_SECRET = "secret";

const PUBLIC_HTTPS = /^https:\/\//i;
const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Whether `url` names this machine only (a local run nobody else can reach). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Every unsafe setting, one sentence each naming its variable; empty when production may start. */
export function unsafeProductionSettings(env: ProductionFacts): string[] {
  const problems: string[] = [];
  if (!env.AUTH_SECRET) {
    problems.push("AUTH_SECRET is not set: session cookies could not be signed. Set it to a random value of at least 32 characters (e.g. `openssl rand -base64 32`).");
  }
  if (env.LIVEKIT_API_KEY === LIVEKIT_DEV_KEY) {
    problems.push(`LIVEKIT_API_KEY is LiveKit's public development key "${LIVEKIT_DEV_KEY}": set the key of your LiveKit server or LiveKit Cloud project.`);
  }
  if (env.LIVEKIT_API_SECRET === LIVEKIT_DEV_SECRET) {
    problems.push(`LIVEKIT_API_SECRET is LiveKit's public development secret "${LIVEKIT_DEV_SECRET}": anyone could sign webhooks and join tokens with it. Set your server's secret.`);
  }
  if (!PUBLIC_HTTPS.test(env.PUBLIC_BASE_URL)) {
    problems.push(`PUBLIC_BASE_URL is ${env.PUBLIC_BASE_URL}: people must reach the app over https:// (sign-in cookies and links travel in it). Set the https address of the site.`);
  }
  return problems;
}
