"use client";
// When the forum's room closes: the page's value (block end or an extension made before the page
// loaded), replaced by the room's metadata when an organizer extends it while people are inside.
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { useEffect, useState } from "react";
import { useRoomInfo } from "./room-info";

function fromMetadata(metadata: string | undefined): number | null {
  try {
    const at = Date.parse((JSON.parse(metadata ?? "") as { closesAt?: string }).closesAt ?? "");
    return Number.isNaN(at) ? null : at;
  } catch {
    return null;
  }
}

export function useClosesAt(): number {
  const room = useRoomContext();
  const { forum } = useRoomInfo();
  const [extended, setExtended] = useState<number | null>(() => fromMetadata(room.metadata));
  useEffect(() => {
    const update = (metadata: string) => setExtended(fromMetadata(metadata));
    room.on(RoomEvent.RoomMetadataChanged, update);
    return () => void room.off(RoomEvent.RoomMetadataChanged, update);
  }, [room]);
  return Math.max(forum.closesAt, extended ?? 0);
}
