"use client";
// The client leaf of /meetings/{id}/live: the room's own pre-join (devices, camera and microphone
// preview), then the meeting's room, or why there is none. Loaded only by that page.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RoomContext } from "@livekit/components-react";
import "@livekit/components-styles";
import { PreJoin } from "@/components/room/pre-join";
import { RoomInfoProvider, type RoomInfo } from "@/components/room/room-info";
import { Link } from "@/lib/i18n/navigation";
import { MeetingRoomView } from "./meeting-room-view";
import { useMeetingConnection, type MeetingPhase } from "./use-meeting-connection";

export interface MeetingRoomProps {
  meetingId: string;
  title: string;
  backHref: string;
  viewer: { name: string; nameLatin: string | null };
  startsAt: number;
  endsAt: number;
  renderedAt: number;
}

function Frame({ title, backHref, children }: { title: string; backHref: string; children: ReactNode }) {
  const t = useTranslations("meetings.room");
  return (
    <>
      <header className="flex shrink-0 items-center gap-3 border-b border-slate-800 px-3 py-2">
        <h1 className="min-w-0 truncate font-semibold">{title}</h1>
        <Link href={backHref} className="ml-auto shrink-0 text-sm text-sky-200 underline">
          {t("back")}
        </Link>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto bg-white p-4 text-slate-900">{children}</div>
    </>
  );
}

function Outcome({ phase, onRejoin, backHref }: { phase: Exclude<MeetingPhase, { kind: "prejoin" | "connected" }>; onRejoin: () => void; backHref: string }) {
  const t = useTranslations("room.outcome");
  const te = useTranslations("meetings");
  const tr = useTranslations("room");
  if (phase.kind === "connecting") {
    return (
      <p role="status" aria-busy="true" className="rounded border border-slate-200 p-4" data-testid="room-connecting">
        {tr("connecting")}
      </p>
    );
  }
  const message = phase.kind === "denied" ? (te.has(`errors.${phase.code}`) ? te(`errors.${phase.code}`) : te("errors.unknown")) : t(phase.kind);
  return (
    <div role="alert" className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4" data-testid="room-outcome" data-outcome={phase.kind}>
      <p className="font-semibold">{message}</p>
      <div className="flex flex-wrap gap-3">
        {(phase.kind === "left" || phase.kind === "unreachable") && (
          <button type="button" onClick={onRejoin} className="rounded bg-sky-900 px-4 py-2 font-medium text-white">
            {t("rejoin")}
          </button>
        )}
        <Link href={backHref} className="px-2 py-2 text-sky-900 underline">
          {te("room.back")}
        </Link>
      </div>
    </div>
  );
}

export function MeetingRoom(props: MeetingRoomProps) {
  const t = useTranslations("meetings.room");
  const { room, phase, join, leave, rejoin } = useMeetingConnection(props.meetingId);
  // The room's pre-join reads what it shows from RoomInfo: both people publish as a speaker does.
  const info: RoomInfo = {
    sessionId: props.meetingId,
    forumId: "",
    backHref: props.backHref,
    viewer: { ...props.viewer, role: "speaker", isOrganizer: false },
    renderedAt: props.renderedAt,
    forum: { title: props.title, startsAt: props.startsAt, closesAt: props.endsAt },
    sessions: [],
    zones: [],
    languages: [],
    heading: props.title,
    backLabel: t("back"),
  };
  if (phase.kind === "connected") {
    return (
      <RoomInfoProvider info={info}>
        <RoomContext.Provider value={room}>
          <MeetingRoomView title={props.title} onLeave={() => void leave()} />
        </RoomContext.Provider>
      </RoomInfoProvider>
    );
  }
  return (
    <RoomInfoProvider info={info}>
      {phase.kind === "prejoin" ? (
        <PreJoin onJoin={(c) => void join(c)} />
      ) : (
        <Frame title={props.title} backHref={props.backHref}>
          <Outcome phase={phase} onRejoin={rejoin} backHref={props.backHref} />
        </Frame>
      )}
    </RoomInfoProvider>
  );
}
