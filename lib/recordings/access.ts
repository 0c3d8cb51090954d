// Who may watch a recording. Organizers of its event see every recording in every state; anyone
// else only ready, published ones, by visibility (as materials): public, approved participants,
// or organizers only. Decided on the server on every request, the media route's included.
import { isOrganizer, type Membership } from "@/lib/auth/roles";

export type RecordingVisibility = "public" | "registered" | "organizers";

export type RecordingDecision = "allow" | "unauthenticated" | "forbidden" | "notFound";

export function recordingAccess(
  recording: { visibility: RecordingVisibility; published: boolean; status: string; eventPublished: boolean },
  signedIn: boolean,
  membership: Membership | null,
): RecordingDecision {
  if (isOrganizer(membership)) return "allow";
  // Unpublished or unfinished recordings, and every recording of an event hidden from the public,
  // do not exist for viewers.
  if (!recording.eventPublished || !recording.published || recording.status !== "ready") return "notFound";
  if (recording.visibility === "public") return "allow";
  if (!signedIn) return "unauthenticated";
  if (recording.visibility === "registered" && membership?.status === "approved") return "allow";
  return "forbidden";
}
