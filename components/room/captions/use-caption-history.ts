"use client";
// The stage's transcript so far (lib/captions/history.ts), as caption lines the room's captions
// take in: what was said before this viewer arrived, with the speakers' names.
import { useCallback } from "react";
import { captionHistoryAction } from "@/lib/captions/actions";
import type { CaptionLine } from "@/lib/captions/lines";
import type { Channel } from "@/lib/rooms/interpretation";

export function useCaptionHistory(sessionId: string): () => Promise<CaptionLine[]> {
  return useCallback(async () => {
    const r = await captionHistoryAction(sessionId);
    if (!r.ok) return [];
    return r.data.map((h) => ({
      segmentId: h.segmentId,
      final: h.final,
      trackSid: "",
      channel: h.channel as Channel,
      speaker: h.speaker,
      speakerName: h.speakerName,
      language: h.language,
      startsAt: new Date(h.startsAt),
      endsAt: new Date(h.endsAt),
      text: h.text,
      // Past, never fresh enough for the overlay: only the transcript shows them.
      receivedAt: 0,
    }));
  }, [sessionId]);
}
