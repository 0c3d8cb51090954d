"use client";
// A delegate's own requests to organizers: raise or lower a hand, ask to share a screen. The
// server stamps each with the instant it received it and writes it into the room, so the queue's
// order is the server's, whatever this computer's clock says.
import { useTranslations } from "next-intl";
import { raiseHandAction, requestShareAction } from "@/lib/rooms/participant-actions";
import { ActionError } from "./action-error";
import { barButton } from "./bar-button";
import { Icon, type IconName } from "./icons";
import { useRoomInfo } from "./room-info";
import { SHORTCUTS } from "./shortcuts";
import type { RoomAction } from "./use-room-action";

type Send = (sessionId: string, up: boolean, breakoutId?: string | null) => ReturnType<typeof raiseHandAction>;

function RequestButton({
  up,
  on,
  off,
  icon,
  testId,
  send,
  action,
  shortcut,
}: {
  up: boolean;
  on: string;
  off: string;
  icon: IconName;
  testId: string;
  send: Send;
  action: RoomAction;
  shortcut?: string;
}) {
  const { sessionId, breakoutId } = useRoomInfo();
  return (
    <span className="relative">
      <button
        type="button"
        aria-pressed={up}
        aria-keyshortcuts={shortcut}
        disabled={action.pending}
        onClick={() => action.run(() => send(sessionId, !up, breakoutId))}
        className={barButton(up)}
        data-testid={testId}
      >
        <Icon name={icon} />
        <span>{up ? on : off}</span>
      </button>
      <span className="absolute bottom-full left-0 mb-2 w-64 text-slate-900">
        <ActionError action={action} />
      </span>
    </span>
  );
}

export function HandButton({ up, action }: { up: boolean; action: RoomAction }) {
  const t = useTranslations("room.toolbar");
  return <RequestButton up={up} on={t("lowerHand")} off={t("raiseHand")} icon="hand" testId="hand-button" send={raiseHandAction} action={action} shortcut={SHORTCUTS.hand.aria} />;
}

export function ShareRequestButton({ up, action }: { up: boolean; action: RoomAction }) {
  const t = useTranslations("room.toolbar");
  return <RequestButton up={up} on={t("withdrawShareRequest")} off={t("askToShare")} icon="screen" testId="share-request-button" send={requestShareAction} action={action} />;
}
