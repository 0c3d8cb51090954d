"use client";
// A room's live captions (lib/captions), for the live room and the audience's WebRTC player:
// every caption the captions worker sends, kept by segment (lib/captions/lines.ts); whether a
// worker is captioning this room at all; and the viewer's display choices, remembered in this
// browser (the same in the room and on the watch page). A caption is believed only from an
// agent (lib/captions/wire.ts): anything else on the topic is dropped.
import { useCallback, useEffect, useState } from "react";
import { RoomEvent, type Room, type TextStreamReader } from "livekit-client";
import { mergeCaption, mergeHistory, type CaptionLine } from "@/lib/captions/lines";
import { captionFromAgent, readCaption, TRANSCRIPTION_TOPIC } from "@/lib/captions/wire";
import { useStoredChoice } from "@/components/room/interpretation/use-stored-choice";
import { serverNow } from "@/components/room/use-now";

export const CAPTION_SIZES = ["small", "medium", "large"] as const;
export const CAPTION_POSITIONS = ["bottom", "top"] as const;
export type CaptionSize = (typeof CAPTION_SIZES)[number];
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

export interface RoomCaptions {
  lines: CaptionLine[];
  /** A captions worker is in the room. */
  available: boolean;
  shown: boolean;
  setShown: (on: boolean) => void;
  size: CaptionSize;
  setSize: (s: CaptionSize) => void;
  position: CaptionPosition;
  setPosition: (p: CaptionPosition) => void;
}

const one = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => ((list as readonly unknown[]).includes(v) ? (v as T) : fallback);

export type CaptionPrefs = Pick<RoomCaptions, "shown" | "setShown" | "size" | "setSize" | "position" | "setPosition">;

/** The viewer's display choices, remembered in this browser: the same in the room, the WebRTC and the HLS player. */
export function useCaptionPrefs(): CaptionPrefs {
  const [storedShown, storeShown] = useStoredChoice("plenary.captions.shown");
  const [storedSize, storeSize] = useStoredChoice("plenary.captions.size");
  const [storedPosition, storePosition] = useStoredChoice("plenary.captions.position");
  return {
    // On unless the viewer turned them off.
    shown: storedShown !== "off",
    setShown: useCallback((on: boolean) => storeShown(on ? "on" : "off"), [storeShown]),
    size: one(CAPTION_SIZES, storedSize, "medium"),
    setSize: useCallback((s: CaptionSize) => storeSize(s), [storeSize]),
    position: one(CAPTION_POSITIONS, storedPosition, "bottom"),
    setPosition: useCallback((p: CaptionPosition) => storePosition(p), [storePosition]),
  };
}

/** `loadHistory`: the transcript so far (the live room's late joiner), taken in once a worker is captioning. */
export function useCaptions(room: Room, loadHistory?: () => Promise<CaptionLine[]>): RoomCaptions {
  const [lines, setLines] = useState<CaptionLine[]>([]);
  const [available, setAvailable] = useState(false);
  const prefs = useCaptionPrefs();

  useEffect(() => {
    if (!available || !loadHistory) return;
    let live = true;
    loadHistory().then(
      (history) => live && setLines((prev) => mergeHistory(prev, history)),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [available, loadHistory]);

  useEffect(() => {
    const onStream = (reader: TextStreamReader, from: { identity: string }) => {
      if (!captionFromAgent(room.remoteParticipants.get(from.identity)?.kind)) return;
      void reader
        .readAll()
        .then((text) => {
          const caption = readCaption(reader.info.attributes, text);
          if (caption && text.trim()) setLines((prev) => mergeCaption(prev, { ...caption, receivedAt: serverNow() }));
        })
        .catch(() => undefined);
    };
    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, onStream);
    const check = () => setAvailable([...room.remoteParticipants.values()].some((p) => p.isAgent));
    check();
    room.on(RoomEvent.ParticipantConnected, check).on(RoomEvent.ParticipantDisconnected, check);
    return () => {
      room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
      room.off(RoomEvent.ParticipantConnected, check).off(RoomEvent.ParticipantDisconnected, check);
    };
  }, [room]);

  return { lines, available, ...prefs };
}
