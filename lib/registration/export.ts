// The registrations as the desk shows them, as a spreadsheet: the desk's current filters and order,
// headers and values in the console's language (organisations, countries, roles, statuses,
// forums, languages, zones in words), date-times as one zone's wall clock that spreadsheets read.
import "server-only";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { exportWords, fileSafe, sheetDateTime, exportZone } from "@/lib/exports/format";
import type { ExportOptions } from "@/lib/exports/schema";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { zoneLabel } from "@/lib/time/zone-names";
import { orderOf, whereOf, type DeskQuery } from "./desk";

export async function exportRegistrationsCsv(actor: Actor | null, slug: string, q: DeskQuery, { lang, tz }: ExportOptions, now = new Date()): Promise<{ csv: string; filename: string }> {
  const { eventId } = await requireOrganizer(actor, slug);
  const [event, rows] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true, displayZones: true } }),
    db.registration.findMany({
      where: whereOf(eventId, q),
      orderBy: orderOf(q),
      include: { user: true, organization: true, requestedOrganization: true, forums: { include: { forum: { select: { title: true, position: true } } } } },
    }),
  ]);
  const { zone, zoneText } = exportZone(event, tz, lang, now);
  const { labels, statuses, roles, languages } = exportWords(lang);
  const region = new Intl.DisplayNames([lang], { type: "region" });
  const l = labels;
  const csv = toCsv(
    [
      l.name,
      l.nameLatin,
      l.email,
      l.organisation,
      l.requestedOrganisation,
      l.country,
      l.role,
      l.requestedRole,
      l.status,
      l.forums,
      l.language,
      l.timeZone,
      l.accessibility,
      l.consent,
      l.registered.replace("{zone}", zoneText),
      l.decided.replace("{zone}", zoneText),
    ],
    rows.map((r) => [
      r.user.name,
      r.user.nameLatin,
      r.user.email,
      r.organization ? pickText(toLocalized(r.organization.name), lang) : r.organizationOther,
      r.requestedOrganization ? pickText(toLocalized(r.requestedOrganization.name), lang) : r.requestedOrganizationOther,
      region.of(r.country) ?? r.country,
      roles[r.role],
      r.requestedRole ? roles[r.requestedRole] : "",
      statuses[r.status],
      [...r.forums]
        .sort((a, b) => a.forum.position - b.forum.position)
        .map((f) => pickText(toLocalized(f.forum.title), lang))
        .join("; "),
      languages[r.preferredLanguage],
      zoneLabel(r.timeZone, lang, now),
      r.accessibilityNeeds,
      r.recordingConsent ? l.yes : l.no,
      sheetDateTime(r.createdAt, zone),
      sheetDateTime(r.decidedAt, zone),
    ]),
  );
  return { csv, filename: `${slug}-registrations-${lang}-${fileSafe(zone)}.csv` };
}
