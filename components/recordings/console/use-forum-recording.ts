"use client";
// The record buttons' state of one forum outside the console (run sheet, room): read through a
// server action every 3 s while something is under way, every 15 s otherwise, so a recording
// started elsewhere (a colleague, the automatic start) shows up too.
import { useCallback, useEffect, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { ForumRecordingState } from "@/lib/recordings/control";
import type { RecordControlState } from "./record-control";

type Read = () => Promise<ActionResult<ForumRecordingState>>;

interface Tracked {
  value: ForumRecordingState | null;
  /** The latest recording at the first read: its failure is old news, not shown. */
  baseline: string | null | undefined;
  /** Recordings seen running here, whose failure is shown. */
  watched: string[];
}

function track(prev: Tracked, value: ForumRecordingState): Tracked {
  const baseline = prev.baseline === undefined ? (value.recording ? null : (value.latest?.id ?? null)) : prev.baseline;
  const running = value.recording?.id;
  const watched = running && !prev.watched.includes(running) ? [...prev.watched, running] : prev.watched;
  return { value, baseline, watched };
}

const empty: Tracked = { value: null, baseline: undefined, watched: [] };

export function useForumRecording(read: Read, initial: ForumRecordingState | null = null) {
  const [tracked, setTracked] = useState<Tracked>(() => (initial ? track(empty, initial) : empty));
  const refresh = useCallback(() => {
    read()
      .then((r) => r.ok && setTracked((prev) => track(prev, r.data)))
      .catch(() => {});
  }, [read]);
  const state = tracked.value;
  const latest = state?.latest;
  const busy = !!state?.recording || latest?.status === "processing";
  useEffect(() => {
    if (!initial) refresh();
  }, [initial, refresh]);
  useEffect(() => {
    const timer = setInterval(refresh, busy ? 3000 : 15000);
    return () => clearInterval(timer);
  }, [busy, refresh]);
  const failed = !state?.recording && latest?.status === "failed" && (tracked.watched.includes(latest.id) || (tracked.baseline !== undefined && latest.id !== tracked.baseline));
  const control: RecordControlState = {
    recording: state?.recording ?? null,
    processing: !state?.recording && latest?.status === "processing",
    failure: failed ? (latest?.error ?? "egressFailed") : null,
  };
  return { state, control, refresh };
}
