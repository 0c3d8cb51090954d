"use client";
// The client leaf of /sessions/{id}/live: pre-join, then the room, or why there is no room.
// Loaded only by that page (through live-room-loader.tsx), so LiveKit's code stays off the rest.
import { useTranslations } from "next-intl";
import { RoomContext } from "@livekit/components-react";
import "@livekit/components-styles";
import { PreJoin } from "./pre-join";
import { RoomInfoProvider, type RoomInfo } from "./room-info";
import { RoomOutcome } from "./room-outcome";
import { RoomView, type RoomSlots } from "./room-view";
import { useRoomConnection } from "./use-room-connection";
import { seedServerClock } from "./use-now";

export function LiveRoom({ info, ...slots }: { info: RoomInfo } & RoomSlots) {
  const t = useTranslations("room");
  seedServerClock(info.renderedAt);
  const { room, phase, network, join, retry, leave, rejoin, close } = useRoomConnection(info.sessionId);
  const listenFirst = info.viewer.role === "delegate" || info.viewer.role === "observer";
  return (
    <RoomInfoProvider info={info}>
      {phase.kind === "prejoin" && <PreJoin name={info.viewer.name} nameLatin={info.viewer.nameLatin} listenFirst={listenFirst} onJoin={join} />}
      {phase.kind === "connecting" && (
        <p role="status" aria-busy="true" className="rounded border border-slate-200 p-4" data-testid="room-connecting">
          {t("connecting")}
        </p>
      )}
      {phase.kind === "connected" && (
        <RoomContext.Provider value={room}>
          <RoomView network={network} onLeave={leave} onClosed={close} slots={slots} />
        </RoomContext.Provider>
      )}
      {phase.kind !== "prejoin" && phase.kind !== "connecting" && phase.kind !== "connected" && <RoomOutcome phase={phase} onRetry={retry} onRejoin={rejoin} />}
    </RoomInfoProvider>
  );
}
