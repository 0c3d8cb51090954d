// Liveness of the parts the app needs; /api/health reports it.
import "server-only";
import { db } from "@/lib/db";
import { egressReachable } from "@/lib/egress/client";
import { liveKitReachable } from "@/lib/rooms/livekit";

const TIMEOUT_MS = 2000;

export async function checkDatabase(): Promise<"ok" | "unreachable"> {
  const timeout = new Promise<"unreachable">((resolve) => setTimeout(() => resolve("unreachable"), TIMEOUT_MS));
  const probe = db.$queryRaw`SELECT 1`.then(() => "ok" as const).catch(() => "unreachable" as const);
  return Promise.race([probe, timeout]);
}

export interface ServiceStates {
  /** The video server: rooms cannot open without it. */
  livekit: "ok" | "unreachable";
  /** The recording service: recordings cannot start without it. */
  egress: "ok" | "unreachable";
}

// Health is asked every few seconds by load balancers and by every organizer's console: each
// instance asks LiveKit at most once per interval (a state another instance needs is its own).
const SERVICES_TTL_MS = 5_000;
// LiveKit and Egress are asked over the network, and a loaded machine answers slower than the
// database on its socket.
const SERVICES_TIMEOUT_MS = 5_000;
let services: { states: Promise<ServiceStates>; until: number } | undefined;

export function checkServices(): Promise<ServiceStates> {
  if (services && services.until > Date.now()) return services.states;
  const states = Promise.all([liveKitReachable(SERVICES_TIMEOUT_MS), egressReachable(SERVICES_TIMEOUT_MS)]).then(([lk, eg]): ServiceStates => ({
    livekit: lk ? "ok" : "unreachable",
    egress: eg ? "ok" : "unreachable",
  }));
  services = { states, until: Date.now() + SERVICES_TTL_MS };
  return states;
}
