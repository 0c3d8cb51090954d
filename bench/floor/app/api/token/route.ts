// POST /api/token — a LiveKit join token as LiveKit Meet's token route issues one: an
// AccessToken with an identity, a room join grant, toJwt(). No session, no database.
import { AccessToken } from "livekit-server-sdk";

export const dynamic = "force-dynamic";

const API_KEY = "devkey";
const API_SECRET = "secret";

export async function POST(req: Request) {
  const { sessionId } = (await req.json()) as { sessionId?: string };
  const participantName = "Floor";
  const roomName = `floor-${sessionId ?? "room"}`;
  const at = new AccessToken(API_KEY, API_SECRET, { identity: `${participantName}__${Math.random().toString(36).slice(2, 6)}`, name: participantName });
  at.ttl = "5m";
  at.addGrant({ room: roomName, roomJoin: true, canPublish: true, canPublishData: true, canSubscribe: true });
  const participantToken = await at.toJwt();
  return Response.json({ serverUrl: "ws://127.0.0.1:7880", roomName, participantName, participantToken });
}
