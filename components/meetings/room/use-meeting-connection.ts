"use client";
// One connection to a meeting's room: a token from POST /api/meetings/{id}/token, connect, publish
// what the viewer chose before joining, and why the room went away. No backstage, hands or
// interpretation here: both people publish freely (their token says so).
import { useCallback, useEffect, useState } from "react";
import { DisconnectReason, Room, RoomEvent } from "livekit-client";
import type { JoinChoices } from "@/components/room/use-room-connection";
import type { StageToken } from "@/lib/rooms/schema";

export type MeetingPhase = { kind: "prejoin" } | { kind: "connecting" } | { kind: "connected" } | { kind: "denied"; code: string } | { kind: "unreachable" } | { kind: "left" } | { kind: "ended" };

async function fetchToken(meetingId: string): Promise<StageToken | { code: string }> {
  const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/token`, { method: "POST" });
  if (res.ok) return (await res.json()) as StageToken;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { code: body?.error?.message ?? (res.status === 401 ? "signInRequired" : "unknown") };
}

/** Devices chosen before joining stay the defaults for tracks turned on later. */
function rememberDevices(room: Room, choices: JoinChoices) {
  const { options } = room;
  options.audioCaptureDefaults = { ...options.audioCaptureDefaults, deviceId: choices.audioDeviceId || undefined };
  options.videoCaptureDefaults = { ...options.videoCaptureDefaults, deviceId: choices.videoDeviceId || undefined };
}

export function useMeetingConnection(meetingId: string) {
  const [room] = useState(() => new Room({ adaptiveStream: true, dynacast: true }));
  const [phase, setPhase] = useState<MeetingPhase>({ kind: "prejoin" });

  useEffect(() => {
    // Removed (the meeting was called off) or the room closed reads as ended; anything else as left.
    const onDisconnected = (reason?: DisconnectReason) => setPhase(reason === DisconnectReason.CLIENT_INITIATED ? { kind: "left" } : { kind: "ended" });
    room.on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      room.off(RoomEvent.Disconnected, onDisconnected);
      void room.disconnect();
    };
  }, [room]);

  const join = useCallback(
    async (choices: JoinChoices) => {
      setPhase({ kind: "connecting" });
      const details = await fetchToken(meetingId).catch(() => null);
      if (!details) return setPhase({ kind: "unreachable" });
      if ("code" in details) return setPhase({ kind: "denied", code: details.code });
      try {
        await room.connect(details.serverUrl, details.participantToken);
      } catch {
        return setPhase({ kind: "unreachable" });
      }
      setPhase({ kind: "connected" });
      rememberDevices(room, choices);
      const me = room.localParticipant;
      if (choices.audioEnabled) await me.setMicrophoneEnabled(true).catch(() => {});
      if (choices.videoEnabled) await me.setCameraEnabled(true).catch(() => {});
    },
    [room, meetingId],
  );

  const leave = useCallback(() => room.disconnect(), [room]);
  const rejoin = useCallback(() => setPhase({ kind: "prejoin" }), []);
  return { room, phase, join, leave, rejoin };
}
