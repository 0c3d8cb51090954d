"use client";
// The organizers' view of a forum's backstage, as the server reads it (who is in the backstage room,
// with camera and microphone; who was brought on stage), asked again every few seconds while shown.
import { useCallback, useEffect, useState } from "react";
import { backstageViewAction } from "@/lib/backstage/actions";
import type { BackstageView } from "@/lib/backstage/stage-calls";

const POLL_MS = 3_000;

export function useBackstage(sessionId: string) {
  const [view, setView] = useState<BackstageView | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(
    () =>
      backstageViewAction(sessionId)
        .catch(() => null)
        .then((r) => {
          if (r?.ok) setView(r.data);
          setFailed(!r?.ok);
        }),
    [sessionId],
  );
  useEffect(() => {
    // First answer at once; later ones only while the page is visible.
    let live = true;
    const poll = () =>
      backstageViewAction(sessionId).then(
        (r) => live && (r.ok ? (setView(r.data), setFailed(false)) : setFailed(true)),
        () => live && setFailed(true),
      );
    void poll();
    const timer = setInterval(() => document.visibilityState === "visible" && void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [sessionId]);
  return { view, failed, refresh: load };
}
