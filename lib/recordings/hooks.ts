// The recordings' part in agenda changes, registered at boot (instrumentation.ts): a forum set to
// record itself starts or stops with its sessions, and an unpublished event's media stop at once
// on this instance (others within their short cache).
import "server-only";
import { onAgendaChange } from "@/lib/agenda/hooks";
import { autoRecordAfter } from "./control";
import { forgetMediaSources } from "./data";

export function registerRecordingHooks(): void {
  onAgendaChange("forumLiveChanged", "recordings.autoRecord", ({ forumId }) => autoRecordAfter(forumId));
  onAgendaChange("eventUnpublished", "recordings.forgetMedia", () => forgetMediaSources());
}
