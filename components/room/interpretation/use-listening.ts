"use client";
// What the viewer listens to and, for interpreters, the channel they interpret into; both
// remembered in this browser. Listeners and interpreters keep separate choices, because an
// interpreter's ears default to the floor whatever they last picked as a delegate.
import { useCallback } from "react";
import { channelLanguages, chosenChannel, isChannel, liveChannels, type Channel } from "@/lib/rooms/interpretation";
import type { Locale } from "@/lib/i18n/routing";
import { useRoomInfo } from "../room-info";
import type { InterpretationSnapshot } from "./use-interpretation-room";
import { useStoredChoice } from "./use-stored-choice";

const isLanguage = (v: unknown): v is Locale => (channelLanguages as readonly unknown[]).includes(v);

export function useBoothLanguage(room: InterpretationSnapshot): [Locale, (l: Locale) => void] {
  const [stored, store] = useStoredChoice("plenary.interpretation.booth");
  const own = room.people.find((p) => p.isLocal)?.attributes.language;
  return [isLanguage(stored) ? stored : isLanguage(own) ? own : "ko", store];
}

export function useListening(room: InterpretationSnapshot) {
  const { viewer } = useRoomInfo();
  const interpreter = viewer.role === "interpreter";
  const [stored, store] = useStoredChoice(interpreter ? "plenary.interpretation.ears" : "plenary.interpretation.channel");
  const [booth] = useBoothLanguage(room);
  const language = room.people.find((p) => p.isLocal)?.attributes.language ?? null;
  const live = liveChannels(room.publications, room.people);
  const channel = chosenChannel(isChannel(stored) ? stored : null, { role: viewer.role, language, booth: interpreter ? booth : null }, live);
  const choose = useCallback((c: Channel) => store(c), [store]);
  return { channel, choose, live, booth: interpreter ? booth : null };
}
