"use client";
// Raise or lower one's own hand: the `hand` attribute holds when it went up, so every viewer
// orders the queue the same way.
import { useTranslations } from "next-intl";
import { useLocalParticipant, useParticipantAttributes } from "@livekit/components-react";
import { HAND_ATTRIBUTE } from "./attributes";
import { toolbarButton } from "./toolbar-button";

export function HandButton() {
  const t = useTranslations("room.toolbar");
  const { localParticipant } = useLocalParticipant();
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  const raised = !!attributes?.[HAND_ATTRIBUTE];
  const toggle = () => localParticipant.setAttributes({ [HAND_ATTRIBUTE]: raised ? "" : new Date().toISOString() });
  return (
    <button type="button" aria-pressed={raised} onClick={toggle} className={toolbarButton(raised)} data-testid="hand-button">
      <span aria-hidden="true">✋</span> {raised ? t("lowerHand") : t("raiseHand")}
    </button>
  );
}
