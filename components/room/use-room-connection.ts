"use client";
// The life of one connection to the forum's room: token from our server, connect, publish what the
// viewer chose, follow network drops, and tell why the room went away. The Room object lives as
// long as the page, so Retry reuses it. With backstage on (lib/backstage), a speaker or interpreter
// is sent to the forum's backstage room first and moves between the two rooms when the server says
// so (an attribute only the server writes), with the devices as they are. Breakout rooms
// (lib/breakouts) are entered and left the same way: `move("breakout", id)`, `move("stage")`.
import { useCallback, useEffect, useRef, useState } from "react";
import { DisconnectReason, Room, RoomEvent, type Participant } from "livekit-client";
import { CALL_ATTRIBUTE, type RoomKind } from "@/lib/rooms/backstage";
import { serverClockAction } from "@/lib/rooms/participant-actions";
import { parseRoomName } from "@/lib/rooms/room-name";
import type { StageToken } from "@/lib/rooms/schema";
import { heardServerClock } from "./use-now";

export interface JoinChoices {
  audioEnabled: boolean;
  videoEnabled: boolean;
  audioDeviceId: string;
  videoDeviceId: string;
}

export type RoomPhase =
  | { kind: "prejoin" }
  | { kind: "connecting" }
  | { kind: "connected" }
  /** In the forum's backstage room, waiting for an organizer (or, for an organizer, visiting). */
  | { kind: "backstage" }
  /** The LiveKit server did not answer. */
  | { kind: "unreachable" }
  /** Our server refused a token; `code` is its message key (outsideWindow, notApproved, …). */
  | { kind: "denied"; code: string }
  | { kind: "left" }
  | { kind: "removed" }
  | { kind: "ended" }
  /** The forum's time ran out (organizers stay to extend or end it). */
  | { kind: "closed" }
  | { kind: "lost" };

export type NetworkState = "ok" | "reconnecting" | "reconnected";

function phaseAfter(reason: DisconnectReason | undefined): RoomPhase {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return { kind: "left" };
    case DisconnectReason.PARTICIPANT_REMOVED:
      return { kind: "removed" };
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return { kind: "ended" };
    case DisconnectReason.DUPLICATE_IDENTITY:
      return { kind: "denied", code: "duplicate" };
    default:
      return { kind: "lost" };
  }
}

/** Devices chosen before joining stay the defaults for tracks turned on later in the room. */
function rememberDevices(room: Room, choices: JoinChoices) {
  const { options } = room;
  options.audioCaptureDefaults = { ...options.audioCaptureDefaults, deviceId: choices.audioDeviceId || undefined };
  options.videoCaptureDefaults = { ...options.videoCaptureDefaults, deviceId: choices.videoDeviceId || undefined };
}

/** Where the client is: the stage, the backstage, or one of the forum's breakout rooms. */
export type RoomTarget = RoomKind | "breakout";

async function fetchToken(sessionId: string, room: RoomTarget, breakoutId?: string): Promise<StageToken | { code: string }> {
  const res = await fetch("/api/livekit/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionId, room, ...(breakoutId ? { breakoutId } : {}) }),
  });
  if (res.ok) return (await res.json()) as StageToken;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { code: body?.error?.message ?? (res.status === 401 ? "signInRequired" : "unknown") };
}

/** A token for the room asked for, or for the forum's other room when the server says that one is
 * this person's now (a speaker waiting backstage, or already called on stage); asked once. */
async function tokenFor(sessionId: string, asked: RoomTarget, breakoutId?: string): Promise<{ to: RoomTarget; details: StageToken | { code: string } }> {
  const details = await fetchToken(sessionId, asked, breakoutId);
  if (!("code" in details)) return { to: asked, details };
  // A breakout room refused (closed meanwhile, another's room): the stage is where they belong.
  if (asked === "breakout") return tokenFor(sessionId, "stage");
  const other = details.code === "waitBackstage" ? "backstage" : details.code === "notBackstage" ? "stage" : null;
  return other && other !== asked ? { to: other, details: await fetchToken(sessionId, other) } : { to: asked, details };
}

function parseBreakoutRoom(roomName: string): string | undefined {
  const parsed = parseRoomName(roomName);
  return parsed.kind === "breakout" ? parsed.breakoutId : undefined;
}

export function useRoomConnection(sessionId: string) {
  const [room] = useState(() => new Room({ adaptiveStream: true, dynacast: true }));
  const [phase, setPhase] = useState<RoomPhase>({ kind: "prejoin" });
  const [network, setNetwork] = useState<NetworkState>("ok");
  const connected = useRef(false);
  const lastChoices = useRef<JoinChoices | null>(null);
  const where = useRef<RoomTarget>("stage");
  /** The breakout room the client is in (null: the stage or backstage). */
  const [breakout, setBreakout] = useState<string | null>(null);
  const moveRef = useRef<(to: RoomTarget, breakoutId?: string) => Promise<void>>(async () => {});

  useEffect(() => {
    let calm: ReturnType<typeof setTimeout> | undefined;
    const onReconnecting = () => setNetwork("reconnecting");
    const onReconnected = () => {
      setNetwork("reconnected");
      clearTimeout(calm);
      calm = setTimeout(() => setNetwork("ok"), 5000);
    };
    // Only a room we were in can be left; a failed connect is reported by connect() itself.
    const onDisconnected = (reason?: DisconnectReason) => {
      if (!connected.current) return;
      connected.current = false;
      setNetwork("ok");
      // Sent to the forum's other room: the server told this client before removing it.
      const call = room.localParticipant.attributes[CALL_ATTRIBUTE];
      if (reason === DisconnectReason.PARTICIPANT_REMOVED && (call === "stage" || call === "backstage") && call !== where.current) {
        return void moveRef.current(call);
      }
      // A breakout room ended (closed by the organizers) or refused this person: back to the stage.
      if (where.current === "breakout" && (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.PARTICIPANT_REMOVED)) {
        return void moveRef.current("stage");
      }
      setPhase(phaseAfter(reason));
    };
    const onAttributes = (_changed: Record<string, string>, participant: Participant) => {
      if (participant !== room.localParticipant || !connected.current) return;
      const call = participant.attributes[CALL_ATTRIBUTE];
      if (call === "stage" && where.current === "backstage") void moveRef.current("stage");
      if (call === "backstage" && where.current === "stage") void moveRef.current("backstage");
    };
    room.on(RoomEvent.ParticipantAttributesChanged, onAttributes);
    room.on(RoomEvent.Reconnecting, onReconnecting).on(RoomEvent.SignalReconnecting, onReconnecting);
    room.on(RoomEvent.Reconnected, onReconnected).on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      clearTimeout(calm);
      room.off(RoomEvent.Reconnecting, onReconnecting).off(RoomEvent.SignalReconnecting, onReconnecting);
      room.off(RoomEvent.Reconnected, onReconnected).off(RoomEvent.Disconnected, onDisconnected);
      room.off(RoomEvent.ParticipantAttributesChanged, onAttributes);
      void room.disconnect();
    };
  }, [room]);

  const enter = useCallback(
    async (choices: JoinChoices, asked: RoomTarget, breakoutId?: string): Promise<void> => {
      lastChoices.current = choices;
      setPhase({ kind: "connecting" });
      let answer: Awaited<ReturnType<typeof tokenFor>>;
      try {
        answer = await tokenFor(sessionId, asked, breakoutId);
      } catch {
        return setPhase({ kind: "unreachable" });
      }
      const { to, details } = answer;
      if ("code" in details) return setPhase({ kind: "denied", code: details.code });
      try {
        await room.connect(details.serverUrl, details.participantToken);
      } catch {
        return setPhase({ kind: "unreachable" });
      }
      where.current = to;
      setBreakout(to === "breakout" ? (parseBreakoutRoom(details.roomName) ?? null) : null);
      connected.current = true;
      setPhase({ kind: to === "backstage" ? "backstage" : "connected" });
      rememberDevices(room, choices);
      const me = room.localParticipant;
      // The room compares server-stamped instants (hands, handovers) with now: learn the server's clock.
      const sentAt = Date.now();
      void serverClockAction().then(
        ({ serverNow }) => heardServerClock(sentAt, serverNow),
        () => {},
      );
      // Listeners (delegates until an organizer lets them speak) have nothing to publish yet;
      // interpreters publish only from their booth console, as an `interpretation:<lang>` track.
      if (me.permissions?.canPublish && me.attributes.role !== "interpreter") {
        if (choices.audioEnabled) await me.setMicrophoneEnabled(true).catch(() => {});
        if (choices.videoEnabled) await me.setCameraEnabled(true).catch(() => {});
      }
    },
    [room, sessionId],
  );

  const join = useCallback((choices: JoinChoices) => enter(choices, "stage"), [enter]);

  /** Leaves this room for another of the forum's, with the camera and microphone as they are now. */
  const move = useCallback(
    async (to: RoomTarget, breakoutId?: string) => {
      const me = room.localParticipant;
      const base = lastChoices.current ?? { audioEnabled: false, videoEnabled: false, audioDeviceId: "", videoDeviceId: "" };
      const choices = { ...base, audioEnabled: me.isMicrophoneEnabled, videoEnabled: me.isCameraEnabled };
      connected.current = false;
      await room.disconnect();
      await enter(choices, to, breakoutId);
    },
    [room, enter],
  );
  useEffect(() => {
    moveRef.current = move;
  }, [move]);

  const retry = useCallback(() => (lastChoices.current ? join(lastChoices.current) : setPhase({ kind: "prejoin" })), [join]);
  const leave = useCallback(() => room.disconnect(), [room]);
  const close = useCallback(() => {
    connected.current = false;
    setPhase({ kind: "closed" });
    void room.disconnect();
  }, [room]);
  const rejoin = useCallback(() => setPhase({ kind: "prejoin" }), []);

  return { room, phase, network, breakout, join, retry, leave, rejoin, close, move };
}
