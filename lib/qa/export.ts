// A session's questions and its polls' results as spreadsheets (UTF-8 with BOM), beside its
// attendance and chat: headers and values in the console's language, times as one named zone's
// wall clock. Organizers' records: every question (withdrawn and dismissed too) with its asker,
// anonymous or not, and the text as first asked when an organizer corrected it.
import "server-only";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportWords, fileSafe, sheetDateTime, sheetZone } from "@/lib/exports/format";
import type { ExportOptions } from "@/lib/exports/schema";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { toOptions } from "@/lib/polls/data";
import { closesAt, effectiveStatus } from "@/lib/polls/rules";
import en from "@/messages/qa/en.json";
import ko from "@/messages/qa/ko.json";
import zh from "@/messages/qa/zh.json";

const words = { en, ko, zh };

async function sessionOf(actor: Actor | null, slug: string, sessionId: string, { lang, tz }: ExportOptions) {
  const { eventId } = await requireOrganizer(actor, slug);
  const session = await db.session.findFirst({
    where: { id: sessionId, forum: { eventId } },
    select: { id: true, key: true, startsAt: true, forum: { select: { slug: true, event: { select: { timeZone: true, displayZones: true } } } } },
  });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  const zone = tz ?? session.forum.event.timeZone;
  const shown = displayZonesOf(session.forum.event).find((z) => z.zone === zone);
  return { eventId, session, zone, zoneText: sheetZone(zone, lang, session.startsAt, shown && pickText(shown.label, lang)) };
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

export async function exportPollsCsv(actor: Actor | null, slug: string, sessionId: string, options: ExportOptions) {
  const { lang } = options;
  const { session, zone, zoneText } = await sessionOf(actor, slug, sessionId, options);
  const polls = await db.poll.findMany({
    where: { sessionId, status: { not: "draft" } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, question: true, options: true, status: true, openedAt: true, closedAt: true, timerSeconds: true, votes: { select: { choices: true } } },
  });
  const { labels: l } = exportWords(lang);
  const w = words[lang].polls;
  const now = new Date();
  const rows = polls.flatMap((p) => {
    const status = effectiveStatus(p, now);
    return toOptions(p.options).map((o) => [
      pickText(toLocalized(p.question), lang),
      w.status[status],
      sheetDateTime(p.openedAt, zone),
      sheetDateTime(p.closedAt ?? (status === "closed" ? closesAt(p) : null), zone),
      pickText(o.label, lang),
      String(p.votes.filter((v) => v.choices.includes(o.id)).length),
      String(p.votes.length),
    ]);
  });
  const csv = toCsv([l.poll, l.pollStatus, l.launched.replace("{zone}", zoneText), l.pollClosed.replace("{zone}", zoneText), l.option, l.answers, l.voters], rows);
  return { csv, filename: `${slug}-polls-${session.forum.slug}-${fileSafe(session.key)}-${lang}-${fileSafe(zone)}.csv` };
}
