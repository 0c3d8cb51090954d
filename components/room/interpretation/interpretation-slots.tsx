"use client";
// What the live page hands the room's slots: the interpretation tab and the audio mix, loaded in the
// browser only, like the room itself (they need LiveKit's client and a connected room).
import dynamic from "next/dynamic";

export const InterpretationPanelSlot = dynamic(() => import("./interpretation-panel").then((m) => m.InterpretationPanel), { ssr: false });

export const InterpretationAudioSlot = dynamic(() => import("./interpretation-audio").then((m) => m.InterpretationAudio), { ssr: false });
