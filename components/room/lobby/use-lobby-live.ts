"use client";
// Calls `onChange` whenever the event's live stream says this forum's lobby changed (a `lobby`
// event, sent by any app instance on a knock, an admission, a refusal or the switch), and after
// every snapshot (a new or resumed stream: a change may have been missed). Only the forum's id
// travels; the caller asks the server what that means for its viewer.
import { useEffect, useRef } from "react";
import type { LobbyEvent } from "@/lib/agenda/live/message";

/** Changes closer together than this are read once. */
const QUIET_MS = 150;

export function useLobbyLive(slug: string | null, forumId: string, onChange: () => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!slug) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        latest.current();
      }, QUIET_MS);
    };
    const source = new EventSource(`/api/events/${encodeURIComponent(slug)}/live`);
    source.addEventListener("snapshot", changed);
    source.addEventListener("lobby", (e) => {
      if ((JSON.parse((e as MessageEvent<string>).data) as LobbyEvent).forumId === forumId) changed();
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [slug, forumId]);
}
