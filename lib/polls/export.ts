// A session's launched polls' results as a spreadsheet (UTF-8 with BOM), one row per option, in the
// console's language with times in one zone (organizers).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { exportWords, fileSafe, sheetDateTime } from "@/lib/exports/format";
import type { ExportOptions } from "@/lib/exports/schema";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { sessionOf } from "@/lib/qa/export";
import en from "@/messages/qa/en.json";
import ko from "@/messages/qa/ko.json";
import zh from "@/messages/qa/zh.json";
import { toOptions } from "./data";
import { closesAt, effectiveStatus } from "./rules";

const words = { en, ko, zh };

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
