"use server";
// Server actions behind the recording controls (console, run sheet, room). Each checks on the
// server, in lib/recordings, that the actor organizes the event; a refusal's key is one of
// recordings.errors, for the UI to show in the viewer's language.
import { z } from "@/lib/zod";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action";
import { forumIdOfSession, getForumRecordingState, setAutoRecord, startRecording, stopForumRecording, stopRecording, type ForumRecordingState } from "./control";
import { deleteRecording, resetChapters, saveChapters, updateRecordingSettings } from "./mutations";
import type { ChapterInput } from "./schema";

export type RecordingActionResult = ActionResult;

// The chapter and settings schemas refuse with their own keys (chapterOrder…); zod's own
// messages are sentences, never shown.
const issueKey = (err: z.ZodError) => {
  const message = err.issues[0]?.message;
  return message && /^[a-zA-Z]+$/.test(message) ? message : "invalidInput";
};

async function run(work: (actor: Actor | null) => Promise<unknown>): Promise<RecordingActionResult> {
  return runAction(async () => (await work(await getActor()), null), issueKey);
}

async function read<T>(work: (actor: Actor | null) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(async () => work(await getActor()), issueKey);
}

const id = z.string().min(1).max(100);

export async function startRecordingAction(forumId: string) {
  return run((actor) => startRecording(actor, id.parse(forumId)));
}

export async function stopForumRecordingAction(forumId: string) {
  return run((actor) => stopForumRecording(actor, id.parse(forumId)));
}

export async function stopRecordingAction(recordingId: string) {
  return run((actor) => stopRecording(actor, id.parse(recordingId)));
}

export async function setAutoRecordAction(forumId: string, on: boolean) {
  return run((actor) => setAutoRecord(actor, id.parse(forumId), z.boolean().parse(on)));
}

export async function updateRecordingSettingsAction(recordingId: string, settings: { visibility?: string; published?: boolean }) {
  return run((actor) => updateRecordingSettings(actor, id.parse(recordingId), settings));
}

export async function saveChaptersAction(recordingId: string, chapters: ChapterInput[]) {
  return run((actor) => saveChapters(actor, id.parse(recordingId), chapters));
}

export async function resetChaptersAction(recordingId: string) {
  return run((actor) => resetChapters(actor, id.parse(recordingId)));
}

export async function deleteRecordingAction(recordingId: string) {
  return run((actor) => deleteRecording(actor, id.parse(recordingId)));
}

// The room's controls know their session only; the forum is resolved here, on the server.
export async function startRecordingForSessionAction(sessionId: string) {
  return run(async (actor) => startRecording(actor, await forumIdOfSession(id.parse(sessionId))));
}

export async function stopRecordingForSessionAction(sessionId: string) {
  return run(async (actor) => stopForumRecording(actor, await forumIdOfSession(id.parse(sessionId))));
}

export async function recordingStateForSessionAction(sessionId: string): Promise<ActionResult<ForumRecordingState>> {
  return read(async (actor) => getForumRecordingState(actor, await forumIdOfSession(id.parse(sessionId))));
}

export async function recordingStateAction(forumId: string): Promise<ActionResult<ForumRecordingState>> {
  return read((actor) => getForumRecordingState(actor, id.parse(forumId)));
}
