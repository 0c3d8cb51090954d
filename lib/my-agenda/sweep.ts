// The reminder sweep: every instance looks every 30 s for sessions starting soon and mails the
// people who bookmarked them or speak in them, each in their language and zone. Instances race
// freely: a reminder is first claimed by inserting its row (person, session, start), and the
// unique key lets exactly one instance's insert through, so each is sent once. A mail that fails
// gives its claim back, so a later sweep tries again while the session has not started.
import "server-only";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import type { Agenda, AgendaForum, AgendaSession } from "@/lib/agenda/types";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { sessionReminderMail, type ReminderReason } from "@/lib/mail/reminder";
import { sendMail } from "@/lib/mail/transport";
import { dueReminders, leadMinutes, MAX_LEAD_MINUTES, type ReminderCandidate } from "./reminders";

const DAY_MS = 86_400_000;

interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  lead: number;
  reason: ReminderReason;
}

/** Published agendas of events that may have a session starting within the longest lead. */
async function agendasAround(now: Date): Promise<Agenda[]> {
  const events = await db.event.findMany({
    // The event's own dates are the draft's: a day's margin covers what publishing has not caught up with.
    where: { publishedAt: { not: null }, startsAt: { lte: new Date(now.getTime() + MAX_LEAD_MINUTES * 60_000 + DAY_MS) }, endsAt: { gte: new Date(now.getTime() - DAY_MS) } },
    select: { slug: true },
  });
  return Promise.all(events.map((e) => getAgendaOrThrow(e.slug)));
}

/** Who is to be reminded of `sessions`: bookmark owners and registered people on the programme. */
async function recipientsOf(eventId: string, sessionIds: string[], fallbackZone: string): Promise<Map<string, Recipient[]>> {
  const defaultLead = getEnv().REMINDER_LEAD_MINUTES;
  const person = {
    id: true,
    email: true,
    name: true,
    locale: true,
    timeZone: true,
    reminderMinutes: true,
    registrations: { where: { eventId }, select: { status: true, preferredLanguage: true, timeZone: true } },
  } as const;
  const [bookmarks, speakers] = await Promise.all([
    db.bookmark.findMany({ where: { sessionId: { in: sessionIds } }, select: { sessionId: true, user: { select: person } } }),
    db.sessionSpeaker.findMany({ where: { sessionId: { in: sessionIds }, userId: { not: null } }, select: { sessionId: true, user: { select: person } } }),
  ]);
  const out = new Map<string, Recipient[]>();
  const add = (sessionId: string, user: NonNullable<(typeof speakers)[number]["user"]>, reason: ReminderReason) => {
    const reg = user.registrations[0];
    // Someone who cancelled, or was declined, has no part in the event any more.
    if (reg && (reg.status === "cancelled" || reg.status === "declined")) return;
    const list = out.get(sessionId) ?? [];
    list.push({
      userId: user.id,
      email: user.email,
      name: user.name ?? user.email,
      locale: reg?.preferredLanguage ?? user.locale,
      timeZone: reg?.timeZone ?? user.timeZone ?? fallbackZone,
      lead: leadMinutes(user.reminderMinutes, defaultLead),
      reason,
    });
    out.set(sessionId, list);
  };
  // Speakers first: when a speaker also bookmarked their session, the mail says why it matters most.
  for (const s of speakers) if (s.user) add(s.sessionId, s.user, "speaker");
  for (const b of bookmarks) add(b.sessionId, b.user, "bookmark");
  return out;
}

/** Inserts the claims; returns the ones this instance won ("user|session"). */
async function claim(due: ReminderCandidate[]): Promise<Set<string>> {
  if (!due.length) return new Set();
  const rows = await db.$queryRaw<{ user_id: string; session_id: string }[]>`
    INSERT INTO session_reminders (id, user_id, session_id, starts_at)
    SELECT gen_random_uuid()::text, c.user_id, c.session_id, c.starts_at
    FROM unnest(${due.map((d) => d.userId)}::text[], ${due.map((d) => d.sessionId)}::text[], ${due.map((d) => d.startsAt.toISOString())}::timestamptz[]) AS c(user_id, session_id, starts_at)
    ON CONFLICT (user_id, session_id, starts_at) DO NOTHING
    RETURNING user_id, session_id`;
  return new Set(rows.map((r) => `${r.user_id}|${r.session_id}`));
}

async function deliver(agenda: Agenda, forum: AgendaForum, session: AgendaSession, r: Recipient, now: Date): Promise<boolean> {
  const base = getEnv().PUBLIC_BASE_URL;
  const mail = sessionReminderMail({
    locale: r.locale,
    name: r.name,
    sessionTitle: pickText(session.title, r.locale),
    forumTitle: pickText(forum.title, r.locale),
    eventTitle: pickText(agenda.event.title, r.locale),
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: r.timeZone,
    now,
    reason: r.reason,
    url: `${base}/${r.locale}/sessions/${session.id}`,
    settingsUrl: `${base}/${r.locale}/me`,
  });
  try {
    await sendMail({ to: r.email, ...mail });
    await db.sessionReminder.updateMany({ where: { userId: r.userId, sessionId: session.id, startsAt: session.startsAt }, data: { sentAt: new Date() } });
    return true;
  } catch (err) {
    console.error(`[reminders] could not mail ${r.email} about session ${session.id}:`, err);
    await db.sessionReminder.deleteMany({ where: { userId: r.userId, sessionId: session.id, startsAt: session.startsAt, sentAt: null } });
    return false;
  }
}

/** One sweep: claims and sends every reminder due at `now`; returns how many were sent. */
export async function sweepReminders(now = new Date()): Promise<{ sent: number }> {
  let sent = 0;
  for (const agenda of await agendasAround(now)) {
    const horizon = now.getTime() + MAX_LEAD_MINUTES * 60_000;
    const soon = agenda.forums.flatMap((forum) => forum.sessions.filter((s) => s.startsAt > now && s.startsAt.getTime() <= horizon).map((session) => ({ forum, session })));
    if (!soon.length) continue;
    const recipients = await recipientsOf(
      agenda.event.id,
      soon.map((s) => s.session.id),
      agenda.event.timeZone,
    );
    const candidates = soon.flatMap(({ session }) =>
      (recipients.get(session.id) ?? []).map((r) => ({ userId: r.userId, sessionId: session.id, startsAt: session.startsAt, status: session.status, lead: r.lead })),
    );
    const won = await claim(dueReminders(candidates, now));
    for (const { forum, session } of soon) {
      for (const r of recipients.get(session.id) ?? []) {
        if (!won.delete(`${r.userId}|${session.id}`)) continue;
        if (await deliver(agenda, forum, session, r, now)) sent++;
      }
    }
  }
  return { sent };
}

const holder = globalThis as unknown as { plenaryReminderSweep?: NodeJS.Timeout };

/** Runs the sweep every 30 s in this instance (from instrumentation.ts). */
export function startReminderSweeper(intervalMs = 30_000) {
  if (holder.plenaryReminderSweep) return;
  holder.plenaryReminderSweep = setInterval(() => {
    sweepReminders().catch((err) => console.error("Reminder sweep failed", err));
  }, intervalMs);
  holder.plenaryReminderSweep.unref();
}
