// The attendance report of one session as CSV (UTF-8 with BOM): instants in UTC (ISO-8601) and,
// beside them, the wall-clock time in the event's zone, which the time_zone column names.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { AppError } from "@/lib/errors";
import { utcToZonedLocal } from "@/lib/time/zones";
import { getAttendanceReport } from "./data";
import type { AttendanceQuery } from "./schema";

export async function exportAttendanceCsv(actor: Actor | null, slug: string, q: AttendanceQuery, now = new Date()) {
  const report = await getAttendanceReport(actor, slug, q, now);
  if (!report.selected) throw new AppError("NOT_FOUND", "sessionNotFound");
  const zone = report.event.timeZone;
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, zone).replace("T", " ") : "");
  const { forum, session } = report.selected;
  const csv = toCsv(
    ["session_id", "forum", "name", "name_latin", "email", "identity", "organisation", "first_joined", "last_left", "first_joined_local", "last_left_local", "time_zone", "minutes", "connections"],
    report.attendees.map((a) => [
      session.id,
      forum.slug,
      a.name,
      a.nameLatin,
      a.email,
      a.identity,
      a.organisation.name ? a.organisation.key : a.organisation.other,
      a.firstJoinedAt,
      a.lastLeftAt,
      local(a.firstJoinedAt),
      local(a.lastLeftAt),
      zone,
      a.minutes,
      a.joins,
    ]),
  );
  return { csv, filename: `${slug}-attendance-${forum.slug}-${utcToZonedLocal(session.startsAt, zone).replace(/[-:]/g, "")}.csv` };
}
