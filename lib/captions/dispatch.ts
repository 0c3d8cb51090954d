// Asking LiveKit for the captions worker in a forum's stage: one explicit dispatch when the room
// starts (the webhook's room_started). Without a captions worker registered the dispatch waits
// unanswered and nothing else changes.
import "server-only";
import { AgentDispatchClient, type AgentDispatch } from "livekit-server-sdk";
import { liveKitConfig } from "@/lib/rooms/livekit";

/** The name the captions worker registers under (scripts/captions-worker.ts). */
export const CAPTIONS_AGENT = "plenary-captions";

/** LiveKit's agent dispatch API, at the address the app calls RoomService at. */
export function dispatchClient(): AgentDispatchClient {
  const { apiUrl, apiKey, apiSecret } = liveKitConfig();
  return new AgentDispatchClient(apiUrl, apiKey, apiSecret, { requestTimeout: 10 });
}

/** The room's dispatches of the captions worker (at most one, unless two app instances raced). */
export async function captionsDispatches(client: AgentDispatchClient, roomName: string): Promise<AgentDispatch[]> {
  return (await client.listDispatch(roomName)).filter((d) => d.agentName === CAPTIONS_AGENT);
}

export async function dispatchCaptions(roomName: string): Promise<void> {
  const client = dispatchClient();
  // A redelivered room_started must not bring a second worker: one dispatch per room.
  if ((await captionsDispatches(client, roomName)).length) return;
  await client.createDispatch(roomName, CAPTIONS_AGENT);
}
