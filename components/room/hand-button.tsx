"use client";
// A delegate's own requests to organizers: raise or lower a hand, ask to share a screen. The
// server stamps each with the instant it received it and writes it into the room, so the queue's
// order is the server's, whatever this computer's clock says.
import { useTranslations } from "next-intl";
import { useLocalParticipant, useParticipantAttributes } from "@livekit/components-react";
import { raiseHandAction, requestShareAction } from "@/lib/rooms/participant-actions";
import { ActionError } from "./action-error";
import { HAND_ATTRIBUTE, SHARE_REQUEST_ATTRIBUTE } from "./attributes";
import { useRoomInfo } from "./room-info";
import { toolbarButton } from "./toolbar-button";
import { useRoomAction } from "./use-room-action";

function RequestButton({ attribute, on, off, testId, send }: { attribute: string; on: string; off: string; testId: string; send: (sessionId: string, up: boolean) => ReturnType<typeof raiseHandAction> }) {
  const { sessionId } = useRoomInfo();
  const { localParticipant } = useLocalParticipant();
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  const action = useRoomAction();
  const up = !!attributes?.[attribute];
  return (
    <>
      <button type="button" aria-pressed={up} disabled={action.pending} onClick={() => action.run(() => send(sessionId, !up))} className={toolbarButton(up)} data-testid={testId}>
        {up ? on : off}
      </button>
      <ActionError action={action} className="basis-full" />
    </>
  );
}

export function HandButton() {
  const t = useTranslations("room.toolbar");
  return <RequestButton attribute={HAND_ATTRIBUTE} on={t("lowerHand")} off={t("raiseHand")} testId="hand-button" send={raiseHandAction} />;
}

export function ShareRequestButton() {
  const t = useTranslations("room.toolbar");
  return <RequestButton attribute={SHARE_REQUEST_ATTRIBUTE} on={t("withdrawShareRequest")} off={t("askToShare")} testId="share-request-button" send={requestShareAction} />;
}
