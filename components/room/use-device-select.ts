"use client";
// One kind of device while in the room: the ones this browser has, the one in use, and switching
// to another at once (LiveKit replaces the published track's source; for speakers, the output of
// every remote track). Lists again when devices come and go.
import { useCallback, useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { Room, RoomEvent } from "livekit-client";

export function useDeviceSelect(kind: MediaDeviceKind) {
  const room = useRoomContext();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [active, setActive] = useState(() => room.getActiveDevice(kind) ?? "");
  useEffect(() => {
    let live = true;
    const list = () =>
      Room.getLocalDevices(kind, false).then(
        (d) => live && setDevices(d),
        () => live && setDevices([]),
      );
    const onActive = (k: MediaDeviceKind, id: string) => k === kind && setActive(id);
    void list();
    room.on(RoomEvent.MediaDevicesChanged, list).on(RoomEvent.ActiveDeviceChanged, onActive);
    return () => {
      live = false;
      room.off(RoomEvent.MediaDevicesChanged, list).off(RoomEvent.ActiveDeviceChanged, onActive);
    };
  }, [room, kind]);
  /** Resolves to whether the switch took. */
  const choose = useCallback(
    async (id: string) => {
      const switched = await room.switchActiveDevice(kind, id).catch(() => false);
      setActive(room.getActiveDevice(kind) ?? id);
      return switched;
    },
    [room, kind],
  );
  return { devices, active, choose };
}
