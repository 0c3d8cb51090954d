// Every action the audit log records, and how the console says it in words: a message key of the
// "audit" catalogue and the values it needs (never the raw "agenda.published"). Pure; a unit test
// keeps the list in step with the actions the code writes.
export const AUDIT_ACTIONS = [
  "agenda.imported",
  "agenda.published",
  "agenda.unpublished",
  "event.updated",
  "event.registration-settings",
  "speaker.photoUploaded",
  "forum.created",
  "forum.updated",
  "forum.moved",
  "forum.deleted",
  "forum.autoRecord",
  "forum.captions",
  "session.created",
  "session.updated",
  "session.deleted",
  "session.shifted",
  "session.live",
  "session.ended",
  "material.uploaded",
  "material.updated",
  "material.deleted",
  "registration.created",
  "registration.invitation-accepted",
  "registration.cancelled",
  "registration.promoted",
  "registration.approved",
  "registration.declined",
  "registration.waitlisted",
  "registration.role-changed",
  "invitation.sent",
  "recording.started",
  "recording.stopped",
  "recording.uploaded",
  "recording.updated",
  "recording.deleted",
  "recording.chaptersEdited",
  "recording.chaptersReset",
  "recording.subtitlesSaved",
  "recording.subtitlesDeleted",
  "room.muted",
  "room.removed",
  "room.speakGranted",
  "room.speakRevoked",
  "room.handsLowered",
  "room.ended",
  "room.extended",
  "room.shareGranted",
  "room.shareRevoked",
  "room.banLifted",
  "room.rehearsalOpened",
  "room.rehearsalEnded",
  "room.chatDeleted",
  "room.trackRejected",
  "room.refused",
  "room.roleUpdated",
  "interpretation.boothTaken",
  "backstage.turnedOn",
  "backstage.turnedOff",
  "backstage.broughtOnStage",
  "backstage.sentBackstage",
  "lobby.knocked",
  "lobby.admitted",
  "lobby.refused",
  "lobby.admissionOn",
  "lobby.admissionOff",
  "breakout.created",
  "breakout.renamed",
  "breakout.deleted",
  "breakout.assigned",
  "breakout.assignedAll",
  "breakout.modeSet",
  "breakout.opened",
  "breakout.closed",
  "breakout.messaged",
  "breakout.visited",
  "qa.approved",
  "qa.dismissed",
  "qa.answered",
  "qa.edited",
  "qa.pinned",
  "qa.unpinned",
  "qa.settings",
  "poll.created",
  "poll.updated",
  "poll.deleted",
  "poll.opened",
  "poll.closed",
  "poll.revealed",
  "poll.hidden",
  "broadcast.started",
  "broadcast.stopped",
  "broadcast.settings",
  "restream.added",
  "restream.removed",
  "meeting.requested",
  "meeting.accepted",
  "meeting.declined",
  "meeting.withdrawn",
  "meeting.cancelled",
  "meeting.cancelledByOrganizer",
  "meeting.intruderRemoved",
  "meeting.settings",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The message key of an action in the "audit" catalogue ("agenda.published" → "agenda_published"). */
export function auditKey(action: string): string {
  return action.replace(/[.-]/g, "_");
}

export interface AuditWords {
  key: string;
  values: Record<string, string | number>;
}

/** How an entry reads; an action unknown to this build (an old row) reads as "changed". */
export function describeAudit(action: string, data: unknown): AuditWords {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(action)) return { key: "other", values: {} };
  const d = (data ?? {}) as Record<string, unknown>;
  const number = (v: unknown) => (typeof v === "number" ? v : 0);
  if (action === "agenda.published") return { key: auditKey(action), values: { version: number(d.version), changes: number(d.changes) } };
  if (action === "forum.autoRecord") return { key: d.autoRecord ? "forum_autoRecord_on" : "forum_autoRecord_off", values: {} };
  if (action === "forum.captions") return { key: d.captions ? "forum_captions_on" : "forum_captions_off", values: {} };
  if (action === "room.extended") return { key: auditKey(action), values: { minutes: number(d.minutes) } };
  return { key: auditKey(action), values: {} };
}
