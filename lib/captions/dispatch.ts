// Asking LiveKit for the captions worker in a forum's stage: one explicit dispatch when the room
// starts (the webhook's room_started). Without a captions worker registered the dispatch waits
// unanswered and nothing else changes.
import "server-only";
import { AgentDispatchClient } from "livekit-server-sdk";
import { liveKitConfig } from "@/lib/rooms/livekit";

/** The name the captions worker registers under (scripts/captions-worker.ts). */
export const CAPTIONS_AGENT = "plenary-captions";

/** LiveKit's agent dispatch API, at the address the app calls RoomService at. */
export function dispatchClient(): AgentDispatchClient {
  const { apiUrl, apiKey, apiSecret } = liveKitConfig();
  return new AgentDispatchClient(apiUrl, apiKey, apiSecret, { requestTimeout: 10 });
}

export async function dispatchCaptions(roomName: string): Promise<void> {
  const client = dispatchClient();
  // A redelivered room_started must not bring a second worker: one dispatch per room.
  const existing = await client.listDispatch(roomName);
  if (existing.some((d) => d.agentName === CAPTIONS_AGENT)) return;
  await client.createDispatch(roomName, CAPTIONS_AGENT);
}
