"use client";
// A session's questions as the server shows them to this viewer (GET /api/sessions/{id}/questions),
// kept current by the live stream.
import type { QuestionList } from "@/lib/qa/view";
import { useQaLive } from "./use-qa-live";
import { useSessionList } from "./use-session-list";

export function useQuestions(sessionId: string) {
  const state = useSessionList<QuestionList>(`/api/sessions/${encodeURIComponent(sessionId)}/questions`);
  useQaLive(state.list?.eventSlug ?? null, sessionId, "questions", state.refresh);
  return state;
}

export type QuestionsState = ReturnType<typeof useQuestions>;
