"use client";
// The client leaf of /sessions/{id}/live: pre-join, then the room, or why there is no room.
// Loaded only by that page (through live-room-loader.tsx), so LiveKit's code stays off the rest.
import { useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";
import { RoomContext } from "@livekit/components-react";
import "@livekit/components-styles";
import { Link } from "@/lib/i18n/navigation";
import { BackstageView } from "./backstage/backstage-view";
import { LobbyView } from "./lobby/lobby-view";
import { PreJoin } from "./pre-join";
import { RoomInfoProvider, useRoomInfo, type RoomInfo } from "./room-info";
import { RoomOutcome } from "./room-outcome";
import { RoomView } from "./room-view";
import { seedServerClock } from "./use-now";
import { useRoomConnection, type JoinChoices } from "./use-room-connection";

/** Let in from the lobby, a person joins at once with camera and microphone off (they turn them
 * on in the room): the admission itself is the click that joins. */
const FROM_LOBBY: JoinChoices = { audioEnabled: false, videoEnabled: false, audioDeviceId: "", videoDeviceId: "" };

/** Before and after the room: the forum's name and the way back, over a scrolling middle. */
function Frame({ children }: { children: ReactNode }) {
  const t = useTranslations("room");
  const { forum, backHref } = useRoomInfo();
  return (
    <>
      <header className="flex shrink-0 items-center gap-3 border-b border-slate-800 px-3 py-2">
        <h1 className="min-w-0 truncate font-semibold">{t("heading", { forum: forum.title })}</h1>
        <Link href={backHref} className="ml-auto shrink-0 text-sm text-sky-200 underline">
          {t("outcome.back")}
        </Link>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto bg-white p-4 text-slate-900">{children}</div>
    </>
  );
}

export function LiveRoom({ info }: { info: RoomInfo }) {
  const t = useTranslations("room");
  seedServerClock(info.renderedAt);
  const { room, phase, network, breakout, join, retry, leave, rejoin, close, move } = useRoomConnection(info.sessionId);
  const moves = { breakout, onBreakout: (id: string) => void move("breakout", id), onStage: () => void move("stage") };
  const inRoom = useMemo(() => ({ ...info, breakoutId: breakout }), [info, breakout]);
  if (phase.kind === "connected" || phase.kind === "backstage") {
    return (
      <RoomInfoProvider info={inRoom}>
        <RoomContext.Provider value={room}>
          {phase.kind === "backstage" ? (
            <BackstageView onLeave={leave} onStage={() => void move("stage")} />
          ) : (
            <RoomView network={network} onLeave={leave} onClosed={close} onBackstage={() => void move("backstage")} moves={moves} />
          )}
        </RoomContext.Provider>
      </RoomInfoProvider>
    );
  }
  return (
    <RoomInfoProvider info={info}>
      {phase.kind === "prejoin" && info.lobby ? (
        <Frame>
          <LobbyView initial={info.lobby.place} eventSlug={info.lobby.eventSlug} onAdmitted={() => void join(FROM_LOBBY)} />
        </Frame>
      ) : phase.kind === "prejoin" ? (
        <PreJoin onJoin={join} />
      ) : (
        <Frame>
          {phase.kind === "connecting" ? (
            <p role="status" aria-busy="true" className="rounded border border-slate-200 p-4" data-testid="room-connecting">
              {t("connecting")}
            </p>
          ) : (
            <RoomOutcome phase={phase} onRetry={retry} onRejoin={rejoin} />
          )}
        </Frame>
      )}
    </RoomInfoProvider>
  );
}
