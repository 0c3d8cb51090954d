"use client";
// The console's Start / Stop for one forum: the page's data is the state, refreshed after a click.
import { useRouter } from "next/navigation";
import { startRecordingAction, stopForumRecordingAction } from "@/lib/recordings/actions";
import { RecordControl, type RecordControlState } from "./record-control";

export function ConsoleRecordControl({ forumId, forumTitle, state }: { forumId: string; forumTitle: string; state: RecordControlState }) {
  const router = useRouter();
  return <RecordControl forumTitle={forumTitle} state={state} start={() => startRecordingAction(forumId)} stop={() => stopForumRecordingAction(forumId)} onChanged={() => router.refresh()} />;
}
