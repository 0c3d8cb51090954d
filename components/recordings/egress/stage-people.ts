// The stage as the layout sees it, read from the recorder's room: everyone who publishes something
// of the floor (listeners and interpreters stay off the picture), with when they last spoke and
// since when they share a screen.
import { Track, type RemoteParticipant, type RemoteTrackPublication, type Room } from "livekit-client";
import { INTERPRETATION_TRACK_PREFIX } from "@/lib/rooms/interpretation";
import type { StagePerson } from "./speaker-layout";

/** The stage recording carries every track except interpreters' (whatever they are named) and
 * anything named for a channel (whoever publishes it): the floor, as every listener hears it. */
export function isFloorTrack(pub: RemoteTrackPublication, participant: RemoteParticipant): boolean {
  return !pub.trackName.startsWith(INTERPRETATION_TRACK_PREFIX) && participant.attributes.role !== "interpreter";
}

function onStage(p: RemoteParticipant): boolean {
  return [...p.trackPublications.values()].some((pub) => isFloorTrack(pub, p));
}

/** `sharedAt` holds when each screen share appeared here; one already there at joining counts as oldest. */
export function stagePeople(room: Room, sharedAt: Readonly<Record<string, number>>): StagePerson[] {
  return [...room.remoteParticipants.values()].filter(onStage).map((p) => ({
    identity: p.identity,
    joinedAt: p.joinedAt?.getTime() ?? 0,
    lastSpokeAt: p.lastSpokeAt?.getTime() ?? 0,
    sharingSince: p.getTrackPublication(Track.Source.ScreenShare) ? (sharedAt[p.identity] ?? 0) : null,
  }));
}

export function speakingIdentities(room: Room): string[] {
  return room.activeSpeakers.filter((p) => !p.isLocal).map((p) => p.identity);
}
