// The colours of a session's status badge, shared by the server-rendered badge (badges.tsx) and
// the one that follows the live stream (live/live-status-badge.tsx). A plain module: both import it.
import type { SessionStatus } from "@/lib/agenda/types";

export const statusTone: Record<SessionStatus, string> = {
  live: "bg-red-700 text-white",
  ended: "bg-slate-200 text-slate-800",
  scheduled: "bg-sky-100 text-sky-900",
};
