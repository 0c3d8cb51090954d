// When a reminder mail is due: a person is reminded a chosen number of minutes before a session
// they bookmarked or speak in starts, once, and only while it has not started. Pure.

/** The leads a person may choose on My conference, in minutes (0: no reminders). */
export const REMINDER_CHOICES = [0, 5, 10, 15, 30, 60, 120, 1440] as const;

/** The sweep looks this far ahead: no one may choose a longer lead. */
export const MAX_LEAD_MINUTES = Math.max(...REMINDER_CHOICES);

/** The person's own choice, or the deployment's default when they made none. */
export function leadMinutes(choice: number | null, fallback: number): number {
  return choice ?? fallback;
}

export interface ReminderCandidate {
  userId: string;
  sessionId: string;
  startsAt: Date;
  /** The session's live status: one already live or ended needs no reminder. */
  status: "scheduled" | "live" | "ended";
  lead: number;
}

/** Due from `lead` minutes before the start until the start itself. */
export function isDue(c: ReminderCandidate, now: Date): boolean {
  if (c.lead <= 0 || c.status !== "scheduled") return false;
  const start = c.startsAt.getTime();
  return now.getTime() < start && start - c.lead * 60_000 <= now.getTime();
}

/** Each person and session once (a speaker may also have bookmarked their own session). */
export function dueReminders(candidates: ReminderCandidate[], now: Date): ReminderCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.userId}|${c.sessionId}`;
    if (seen.has(key) || !isDue(c, now)) return false;
    seen.add(key);
    return true;
  });
}
