// A forum room's chat as CSV (UTF-8 with BOM), beside its attendance: each message with its time
// in UTC and in the event's zone, the session running then, who wrote it, and whether and by whom
// it was deleted (a deleted message is exported too: the record is the organizers').
import "server-only";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { utcToZonedLocal } from "@/lib/time/zones";

export async function exportChatCsv(actor: Actor | null, slug: string, sessionId: string) {
  const { eventId } = await requireOrganizer(actor, slug);
  const session = await db.session.findFirst({ where: { id: sessionId, forum: { eventId } }, select: { forum: { select: { id: true, slug: true, event: { select: { timeZone: true } } } } } });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  const { forum } = session;
  const zone = forum.event.timeZone;
  const [messages, sessions] = await Promise.all([
    db.chatMessage.findMany({
      where: { forumId: forum.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        body: true,
        createdAt: true,
        deletedAt: true,
        user: { select: { name: true, nameLatin: true, email: true, registrations: { where: { eventId }, select: { organizationOther: true, organization: { select: { key: true } } } } } },
        deletedBy: { select: { email: true } },
      },
    }),
    db.session.findMany({ where: { forumId: forum.id }, select: { key: true, title: true, startsAt: true, endsAt: true } }),
  ]);
  const running = (at: Date) => sessions.find((s) => s.startsAt <= at && at < s.endsAt);
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, zone).replace("T", " ") : "");
  const csv = toCsv(
    ["time", "time_local", "time_zone", "session", "name", "name_latin", "email", "organisation", "message", "deleted_at", "deleted_by"],
    messages.map((m) => {
      const reg = m.user?.registrations[0];
      const session = running(m.createdAt);
      return [
        m.createdAt.toISOString(),
        local(m.createdAt),
        zone,
        session ? toLocalized(session.title).en : "",
        m.user?.name ?? "",
        m.user?.nameLatin ?? "",
        m.user?.email ?? "",
        reg ? (reg.organization?.key ?? reg.organizationOther ?? "") : "",
        m.body,
        m.deletedAt?.toISOString() ?? "",
        m.deletedBy?.email ?? "",
      ];
    }),
  );
  return { csv, filename: `${slug}-chat-${forum.slug}.csv` };
}
