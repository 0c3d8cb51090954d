"use client";
// Whether the recording service answers, as /api/health reports it, so organizers learn it before
// they press Record rather than after. Asked when shown and every half minute.
import { useEffect, useState } from "react";

export type ServiceState = "unknown" | "ok" | "unreachable";

const EVERY_MS = 30_000;

export function useRecordingService(): ServiceState {
  const [state, setState] = useState<ServiceState>("unknown");
  useEffect(() => {
    let live = true;
    const ask = () =>
      fetch("/api/health", { cache: "no-store" })
        .then((r) => r.json() as Promise<{ egress?: string }>)
        .then(
          (h) => live && setState(h.egress === "ok" ? "ok" : h.egress === "unreachable" ? "unreachable" : "unknown"),
          () => live && setState("unknown"),
        );
    void ask();
    const timer = setInterval(ask, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return state;
}
