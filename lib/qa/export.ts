// A session's questions as a spreadsheet (UTF-8 with BOM), beside its attendance and chat: headers and values in the console's language, times as one named zone's
// wall clock. Organizers' records: every question (withdrawn and dismissed too) with its asker,
// anonymous or not, and the text as first asked when an organizer corrected it. The polls' sheet
// is lib/polls/export.ts.
import "server-only";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportWords, exportZone, fileSafe, sheetDateTime } from "@/lib/exports/format";
import type { ExportOptions } from "@/lib/exports/schema";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import en from "@/messages/qa/en.json";
import ko from "@/messages/qa/ko.json";
import zh from "@/messages/qa/zh.json";

const words = { en, ko, zh };

/** The organizer's session of the event, and the zone its sheet is in. */
export async function sessionOf(actor: Actor | null, slug: string, sessionId: string, { lang, tz }: ExportOptions) {
  const { eventId } = await requireOrganizer(actor, slug);
  const session = await db.session.findFirst({
    where: { id: sessionId, forum: { eventId } },
    select: { id: true, key: true, startsAt: true, forum: { select: { slug: true, event: { select: { timeZone: true, displayZones: true } } } } },
  });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  return { eventId, session, ...exportZone(session.forum.event, tz, lang, session.startsAt) };
}

export async function exportQaCsv(actor: Actor | null, slug: string, sessionId: string, options: ExportOptions) {
  const { lang } = options;
  const { eventId, session, zone, zoneText } = await sessionOf(actor, slug, sessionId, options);
  const questions = await db.question.findMany({
    where: { sessionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      body: true,
      language: true,
      anonymous: true,
      status: true,
      createdAt: true,
      user: { select: { name: true, nameLatin: true, email: true, registrations: { where: { eventId }, select: { organizationOther: true, organization: { select: { name: true } } } } } },
      edits: { orderBy: { editedAt: "asc" }, take: 1, select: { body: true } },
      _count: { select: { votes: true } },
    },
  });
  const { labels: l, languages } = exportWords(lang);
  const w = words[lang].qa;
  const csv = toCsv(
    [l.asked.replace("{zone}", zoneText), l.question, l.questionLanguage, l.name, l.nameLatin, l.email, l.organisation, l.anonymous, l.questionStatus, l.votes, l.originalText],
    questions.map((q) => {
      const reg = q.user?.registrations[0];
      return [
        sheetDateTime(q.createdAt, zone),
        q.body,
        languages[q.language],
        q.user?.name ?? "",
        q.user?.nameLatin ?? "",
        q.user?.email ?? "",
        reg ? (reg.organization ? pickText(toLocalized(reg.organization.name), lang) : (reg.organizationOther ?? "")) : "",
        q.anonymous ? l.yes : l.no,
        w.status[q.status],
        String(q._count.votes),
        q.edits[0]?.body ?? "",
      ];
    }),
  );
  return { csv, filename: `${slug}-questions-${session.forum.slug}-${fileSafe(session.key)}-${lang}-${fileSafe(zone)}.csv` };
}
