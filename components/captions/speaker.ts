// A caption's speaker as a page with a LiveKit room names people: the participant's name while
// they are in the room (the viewer themself included), else the name stored with the caption, else
// their identity.
import type { Room } from "livekit-client";
import type { CaptionLine } from "@/lib/captions/lines";

export function speakerOf(room: Room, l: Pick<CaptionLine, "speaker" | "speakerName">): string {
  const here = room.localParticipant.identity === l.speaker ? room.localParticipant.name : room.remoteParticipants.get(l.speaker)?.name;
  return here || l.speakerName || l.speaker;
}
