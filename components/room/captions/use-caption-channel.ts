"use client";
// Captions follow the channel the viewer listens to: the floor, or the interpretation channel
// they chose (or that their language gave them). Without interpretation, the floor.
import type { Channel } from "@/lib/rooms/interpretation";
import { useInterpretationRoom } from "../interpretation/use-interpretation-room";
import { useListening } from "../interpretation/use-listening";

export function useCaptionChannel(hasLanguage: boolean): Channel {
  const { channel } = useListening(useInterpretationRoom());
  return hasLanguage ? channel : "floor";
}
