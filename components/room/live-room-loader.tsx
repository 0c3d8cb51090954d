"use client";
// Loads the live room in the browser only: LiveKit needs WebRTC and the device list, and its code
// must not ride along on any other page.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { LiveRoom as LiveRoomType } from "./live-room";

function Loading() {
  const t = useTranslations("room");
  return (
    <p role="status" aria-busy="true" className="rounded border border-slate-200 p-4">
      {t("loading")}
    </p>
  );
}

const LiveRoom = dynamic(() => import("./live-room").then((m) => m.LiveRoom), { ssr: false, loading: () => <Loading /> });

export function LiveRoomLoader(props: ComponentProps<typeof LiveRoomType>) {
  return <LiveRoom {...props} />;
}
