"use server";
// Server actions behind the recording controls (console, run sheet, room). Each checks on the
// server, in lib/recordings, that the actor organizes the event; each answers { ok: true } or
// { error: <message key under recordings.errors> } for the UI to show in the viewer's language.
import { z } from "@/lib/zod";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { forumIdOfSession, getForumRecordingState, setAutoRecord, startRecording, stopForumRecording, stopRecording, type ForumRecordingState } from "./control";
import { deleteRecording, resetChapters, saveChapters, updateRecordingSettings } from "./mutations";
import type { ChapterInput } from "./schema";

export interface RecordingActionResult {
  ok?: true;
  error?: string;
}

function errorKey(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof z.ZodError) return err.issues[0]?.message && /^[a-zA-Z]+$/.test(err.issues[0].message) ? err.issues[0].message : "invalidInput";
  throw err;
}

async function run(fn: () => Promise<unknown>): Promise<RecordingActionResult> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    return { error: errorKey(err) };
  }
}

async function read<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await fn() };
  } catch (err) {
    return { error: errorKey(err) };
  }
}

const id = z.string().min(1).max(100);

export async function startRecordingAction(forumId: string) {
  return run(async () => startRecording(await getActor(), id.parse(forumId)));
}

export async function stopForumRecordingAction(forumId: string) {
  return run(async () => stopForumRecording(await getActor(), id.parse(forumId)));
}

export async function stopRecordingAction(recordingId: string) {
  return run(async () => stopRecording(await getActor(), id.parse(recordingId)));
}

export async function setAutoRecordAction(forumId: string, on: boolean) {
  return run(async () => setAutoRecord(await getActor(), id.parse(forumId), z.boolean().parse(on)));
}

export async function updateRecordingSettingsAction(recordingId: string, settings: { visibility?: string; published?: boolean }) {
  return run(async () => updateRecordingSettings(await getActor(), id.parse(recordingId), settings));
}

export async function saveChaptersAction(recordingId: string, chapters: ChapterInput[]) {
  return run(async () => saveChapters(await getActor(), id.parse(recordingId), chapters));
}

export async function resetChaptersAction(recordingId: string) {
  return run(async () => resetChapters(await getActor(), id.parse(recordingId)));
}

export async function deleteRecordingAction(recordingId: string) {
  return run(async () => deleteRecording(await getActor(), id.parse(recordingId)));
}

// The room's controls know their session only; the forum is resolved here, on the server.
export async function startRecordingForSessionAction(sessionId: string) {
  return run(async () => startRecording(await getActor(), await forumIdOfSession(id.parse(sessionId))));
}

export async function stopRecordingForSessionAction(sessionId: string) {
  return run(async () => stopForumRecording(await getActor(), await forumIdOfSession(id.parse(sessionId))));
}

export async function recordingStateForSessionAction(sessionId: string): Promise<{ value?: ForumRecordingState; error?: string }> {
  return read(async () => getForumRecordingState(await getActor(), await forumIdOfSession(id.parse(sessionId))));
}

export async function recordingStateAction(forumId: string): Promise<{ value?: ForumRecordingState; error?: string }> {
  return read(async () => getForumRecordingState(await getActor(), id.parse(forumId)));
}
