"use client";
// A session's status badge that follows the live stream (see live-status-provider.tsx); rendered
// on the server with the status of the page's render.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { SessionStatus } from "@/lib/agenda/types";
import { useLiveStatus } from "./live-status-provider";

const base = "inline-flex items-center rounded px-2 py-0.5 text-xs font-medium";
const tones: Record<SessionStatus, string> = {
  live: "bg-red-700 text-white",
  ended: "bg-slate-200 text-slate-800",
  scheduled: "bg-sky-100 text-sky-900",
};

export function LiveStatusBadge({ sessionId, initial, hideScheduled = false }: { sessionId: string; initial: SessionStatus; hideScheduled?: boolean }) {
  const t = useTranslations("statuses");
  const status = useLiveStatus(sessionId, initial);
  if (hideScheduled && status === "scheduled") return null;
  return (
    <span className={`${base} ${tones[status]}`} data-testid="live-status" data-session-id={sessionId} data-status={status}>
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
