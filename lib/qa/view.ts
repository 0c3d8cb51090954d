// What GET /api/sessions/{id}/questions answers, as the browser reads it. Pure types.
import type { QaBoundary, QaModeration, QuestionStatus } from "./rules";

export interface QuestionView {
  id: string;
  body: string;
  language: "ko" | "zh" | "en";
  anonymous: boolean;
  status: QuestionStatus;
  /** ISO instant it was asked. */
  createdAt: string;
  votes: number;
  /** The viewer voted for it. */
  voted: boolean;
  /** The viewer asked it. */
  mine: boolean;
  /** Who asked, or null when the viewer may not know (anonymous to them) or the account is gone. */
  asker: { name: string; nameLatin: string | null } | null;
  /** An organizer corrected the text. */
  edited: boolean;
  /** The texts it replaced, oldest first: for organizers only (empty for everyone else). */
  history: { body: string; editedAt: string }[];
}

/** The question being answered now as everyone may see it (GET /api/sessions/{id}/questions/pinned):
 * shown over the stage, on the watch page and in the recording, so the asker only when not anonymous. */
export interface PinnedView {
  id: string;
  body: string;
  language: "ko" | "zh" | "en";
  asker: { name: string } | null;
}

export interface QuestionList {
  sessionId: string;
  eventSlug: string;
  moderation: QaModeration;
  /** Where questions asked as a session ends go (the event's choice). */
  boundary: QaBoundary;
  /** Questions may still be asked and voted on. */
  open: boolean;
  viewer: { organizer: boolean };
  /** The question being answered now, if any (also in `questions`). */
  pinnedId: string | null;
  questions: QuestionView[];
}
