"use client";
// The interpretation tab: interpreters get their booth console, everyone else the channel picker;
// organizers also see which channels are live and who is on each.
import { useTranslations } from "next-intl";
import { useRoomInfo } from "../room-info";
import { BoothConsole } from "./booth-console";
import { ChannelBoard } from "./channel-board";
import { ChannelPicker } from "./channel-picker";
import { useInterpretationRoom } from "./use-interpretation-room";
import { useListening } from "./use-listening";

function ListenerPicker({ room }: { room: ReturnType<typeof useInterpretationRoom> }) {
  const t = useTranslations("interpretation");
  const { channel, choose, live } = useListening(room);
  return (
    <div className="space-y-1">
      <ChannelPicker legend={t("picker.legend")} value={channel} live={live} onChange={choose} />
      <p className="text-xs text-slate-600">{t("picker.hint")}</p>
    </div>
  );
}

export function InterpretationPanel() {
  const { viewer } = useRoomInfo();
  const room = useInterpretationRoom();
  return (
    <div className="space-y-4" data-testid="interpretation">
      {viewer.role === "interpreter" ? <BoothConsole room={room} /> : <ListenerPicker room={room} />}
      {viewer.isOrganizer && <ChannelBoard room={room} />}
    </div>
  );
}
