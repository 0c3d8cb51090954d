// Whether a session's recording can be watched by this viewer, and if not, whether signing in or an
// approved registration would show it: so a session page tells the same story in its notices as in
// its player (never "its recording will be linked here" above a playing recording).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getSessionRecording } from "./data";

export type RecordingAvailability = { kind: "watch"; found: NonNullable<Awaited<ReturnType<typeof getSessionRecording>>> } | { kind: "signIn" } | { kind: "approved" } | { kind: "none" };

export async function getRecordingAvailability(actor: Actor | null, sessionId: string): Promise<RecordingAvailability> {
  const found = await getSessionRecording(actor, sessionId);
  if (found) return { kind: "watch", found };
  // Published recordings the viewer may not watch: for participants (sign in, or be approved), or
  // for organizers only, which a visitor is not told about.
  const hidden = await db.recording.findFirst({
    where: { status: "ready", published: true, visibility: "registered", OR: [{ sessionId }, { chapters: { some: { sessionId } } }] },
    select: { id: true },
  });
  if (!hidden) return { kind: "none" };
  return actor ? { kind: "approved" } : { kind: "signIn" };
}
