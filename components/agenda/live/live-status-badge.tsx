"use client";
// A session's status badge that follows the live stream (see live-status-provider.tsx); rendered
// on the server with the status of the page's render. Given the session's slot, it shows what the
// status means for a visitor now: a session nobody ended is over once its slot is.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { SessionStatus } from "@/lib/agenda/types";
import { effectiveStatus } from "@/lib/event-state/state";
import { statusTone } from "../status-tone";
import { useLiveStatus, useNow } from "./live-status-provider";

interface Props {
  sessionId: string;
  initial: SessionStatus;
  /** For agenda rows: no badge while scheduled, nor while live only by the clock (the row's
   * "Live now" marker says that). */
  hideScheduled?: boolean;
  /** The slot (ISO instants); without it the stored status is shown as it is (the run sheet). */
  slot?: { startsAt: string; endsAt: string };
}

export function useShownStatus(sessionId: string, initial: SessionStatus, slot?: Props["slot"]): { stored: SessionStatus; shown: SessionStatus } {
  const stored = useLiveStatus(sessionId, initial);
  const now = useNow();
  if (!slot || now === null) return { stored, shown: stored };
  return { stored, shown: effectiveStatus({ status: stored, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }, new Date(now)) };
}

export function LiveStatusBadge({ sessionId, initial, hideScheduled = false, slot }: Props) {
  const t = useTranslations("statuses");
  const { stored, shown: status } = useShownStatus(sessionId, initial, slot);
  if (hideScheduled && stored === "scheduled" && status !== "ended") return null;
  return (
    <span className={`badge ${statusTone[status]}`} data-testid="live-status" data-session-id={sessionId} data-status={status}>
      {status === "live" && <span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-white motion-safe:animate-pulse" />}
      {t(status)}
    </span>
  );
}

/**
 * Shows its children (the clock's live / next marker) only while the session is still scheduled:
 * once an organizer has taken it live or ended it, the status badge says so instead.
 */
export function WhileScheduled({ sessionId, initial, children }: { sessionId: string; initial: SessionStatus; children: ReactNode }) {
  return useLiveStatus(sessionId, initial) === "scheduled" ? children : null;
}
