"use client";
// The forum's breakout rooms as the room page needs them (names, run, own room), asked again
// whenever `key` changes: the server wrote a new breakout attribute, or the client moved rooms.
import { useEffect, useState } from "react";
import { breakoutInfoAction } from "@/lib/breakouts/actions";
import type { BreakoutInfo } from "@/lib/breakouts/participant";

export function useBreakoutInfo(sessionId: string, key: string | null): BreakoutInfo | null {
  const [info, setInfo] = useState<BreakoutInfo | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void breakoutInfoAction(sessionId).then(
      (r) => live && r.ok && setInfo(r.data),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [sessionId, key]);
  return info;
}
