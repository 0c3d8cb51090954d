// The attendance report of one session as a spreadsheet (UTF-8 with BOM): headers and values in the
// console's language, join and leave times as one named zone's wall clock that spreadsheets read.
import "server-only";
import type { OrganizerAccess } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { AppError } from "@/lib/errors";
import { exportWords, fileSafe, sheetDateTime, exportZone } from "@/lib/exports/format";
import type { ExportOptions } from "@/lib/exports/schema";
import { pickText } from "@/lib/i18n/localized";
import { utcToZonedLocal } from "@/lib/time/zones";
import { getAttendanceReport } from "./data";
import type { AttendanceQuery } from "./schema";

export async function exportAttendanceCsv(access: OrganizerAccess, q: AttendanceQuery, { lang, tz }: ExportOptions, now = new Date()) {
  const report = await getAttendanceReport(access, q, now);
  if (!report.selected) throw new AppError("NOT_FOUND", "sessionNotFound");
  const { zone, zoneText } = exportZone(report.event, tz, lang, report.selected.session.startsAt);
  const { labels: l } = exportWords(lang);
  const { forum, session } = report.selected;
  const csv = toCsv(
    [l.session, l.forum, l.name, l.nameLatin, l.email, l.organisation, l.firstJoined.replace("{zone}", zoneText), l.lastLeft.replace("{zone}", zoneText), l.minutes, l.breakoutMinutes, l.connections],
    report.attendees.map((a) => [
      pickText(session.title, lang),
      pickText(forum.title, lang),
      a.name,
      a.nameLatin,
      a.email ?? a.identity,
      a.organisation.name ? pickText(a.organisation.name, lang) : a.organisation.other,
      sheetDateTime(a.firstJoinedAt, zone),
      a.lastLeftAt ? sheetDateTime(a.lastLeftAt, zone) : l.stillPresent,
      a.minutes,
      a.breakoutMinutes,
      a.joins,
    ]),
  );
  return { csv, filename: `${access.slug}-attendance-${forum.slug}-${utcToZonedLocal(session.startsAt, zone).replace(/[-:]/g, "")}-${lang}-${fileSafe(zone)}.csv` };
}
