// What GET /api/sessions/{id}/polls answers, as the browser reads it. Pure types.
import type { PollOption, PollStatus } from "./rules";
import type { LocalizedText } from "@/lib/i18n/localized";

export interface PollView {
  id: string;
  question: LocalizedText;
  options: PollOption[];
  multiple: boolean;
  timerSeconds: number | null;
  /** As of the answer (an open poll whose timer ran out is closed). */
  status: PollStatus;
  revealed: boolean;
  /** ISO instant it closes by itself, when it is open with a timer. */
  closesAt: string | null;
  /** The viewer's answer (option ids), empty when they have not voted. */
  mine: string[];
  /** Per option in order, and how many people answered — null while hidden from the viewer. */
  results: { counts: { optionId: string; count: number }[]; voters: number } | null;
}

export interface PollList {
  sessionId: string;
  eventSlug: string;
  viewer: { organizer: boolean };
  /** The server's clock, for the browser's countdown. */
  serverNow: string;
  polls: PollView[];
}
