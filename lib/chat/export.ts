// A forum room's chat as a spreadsheet (UTF-8 with BOM), beside its attendance: each message with
// its time as one named zone's wall clock that spreadsheets read, the session running then, the
// room it was said in (the main room or a breakout room, by its title then), who wrote it, and whether and by whom it was deleted (a deleted message is exported too: the record
// is the organizers'). Headers and values in the console's language.
import "server-only";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportWords, fileSafe, sheetDateTime, exportZone } from "@/lib/exports/format";
import type { ExportOptions } from "@/lib/exports/schema";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";

export async function exportChatCsv(actor: Actor | null, slug: string, sessionId: string, { lang, tz }: ExportOptions) {
  const { eventId } = await requireOrganizer(actor, slug);
  const session = await db.session.findFirst({
    where: { id: sessionId, forum: { eventId } },
    select: { startsAt: true, forum: { select: { id: true, slug: true, title: true, event: { select: { timeZone: true, displayZones: true } } } } },
  });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  const { forum } = session;
  const { zone, zoneText } = exportZone(forum.event, tz, lang, session.startsAt);
  const [messages, sessions] = await Promise.all([
    db.chatMessage.findMany({
      where: { forumId: forum.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        body: true,
        createdAt: true,
        breakoutTitle: true,
        deletedAt: true,
        user: { select: { name: true, nameLatin: true, email: true, registrations: { where: { eventId }, select: { organizationOther: true, organization: { select: { name: true } } } } } },
        deletedBy: { select: { name: true, email: true } },
      },
    }),
    db.session.findMany({ where: { forumId: forum.id }, select: { title: true, startsAt: true, endsAt: true } }),
  ]);
  const running = (at: Date) => sessions.find((s) => s.startsAt <= at && at < s.endsAt);
  const { labels: l } = exportWords(lang);
  const csv = toCsv(
    [l.sent.replace("{zone}", zoneText), l.session, l.room, l.name, l.nameLatin, l.email, l.organisation, l.message, l.deleted.replace("{zone}", zoneText), l.deletedBy],
    messages.map((m) => {
      const reg = m.user?.registrations[0];
      const during = running(m.createdAt);
      return [
        sheetDateTime(m.createdAt, zone),
        during ? pickText(toLocalized(during.title), lang) : "",
        m.breakoutTitle ? pickText(toLocalized(m.breakoutTitle), lang) : l.mainRoom,
        m.user?.name ?? "",
        m.user?.nameLatin ?? "",
        m.user?.email ?? "",
        reg ? (reg.organization ? pickText(toLocalized(reg.organization.name), lang) : (reg.organizationOther ?? "")) : "",
        m.body,
        sheetDateTime(m.deletedAt, zone),
        m.deletedBy ? (m.deletedBy.name ?? m.deletedBy.email) : "",
      ];
    }),
  );
  return { csv, filename: `${slug}-chat-${forum.slug}-${lang}-${fileSafe(zone)}.csv` };
}
