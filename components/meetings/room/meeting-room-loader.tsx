"use client";
// Loads the meeting's room in the browser only: LiveKit's code rides along on no other page.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { MeetingRoomProps } from "./meeting-room";

function Loading() {
  const t = useTranslations("room");
  return (
    <p role="status" aria-busy="true" className="rounded border border-slate-200 p-4">
      {t("loading")}
    </p>
  );
}

const MeetingRoom = dynamic(() => import("./meeting-room").then((m) => m.MeetingRoom), { ssr: false, loading: () => <Loading /> });

export function MeetingRoomLoader(props: MeetingRoomProps) {
  return <MeetingRoom {...props} />;
}
