// Invitations: organizers import a CSV (name, email, organisation, role, forums); each row becomes
// a single-use, expiring invitation mailed to the person. A file with any bad row imports nothing
// and comes back with a report of every row that was rejected and why.
import "server-only";
import { z } from "@/lib/zod";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { parseCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { Locale } from "@/lib/i18n/routing";
import { invitationMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";
import { allRoles } from "./schema";
import { TX_OPTIONS } from "./seats";
import { hashToken, newToken } from "./tokens";

export const INVITATION_DAYS = 14;
export const MAX_INVITATION_ROWS = 5000;
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
const REQUIRED_COLUMNS = ["name", "email", "organisation", "role", "forums"];

export interface RowReport {
  line: number;
  email: string;
  /** Keys of the "errors" catalogue; empty when the row is fine. */
  problems: string[];
}

export interface ImportReport {
  imported: number;
  rows: RowReport[];
  /** A problem with the whole file (missing columns, too many rows, empty). */
  fileProblem?: string;
}

const emailSchema = z.string().toLowerCase().email();

export async function importInvitations(actor: Actor | null, slug: string, csv: string, locale: Locale, now = new Date()): Promise<ImportReport> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { header, rows } = parseCsv(csv);
  if (!rows.length) return { imported: 0, rows: [], fileProblem: "csvEmpty" };
  if (REQUIRED_COLUMNS.some((c) => !header.includes(c))) return { imported: 0, rows: [], fileProblem: "csvColumns" };
  if (rows.length > MAX_INVITATION_ROWS) return { imported: 0, rows: [], fileProblem: "csvTooManyRows" };

  const [orgs, forums, registered] = await Promise.all([
    db.organization.findMany(),
    db.forum.findMany({ where: { eventId }, select: { slug: true } }),
    db.registration.findMany({ where: { eventId, status: { not: "cancelled" } }, select: { user: { select: { email: true } } } }),
  ]);
  const orgByName = new Map<string, string>();
  for (const o of orgs) {
    orgByName.set(o.key.toLowerCase(), o.id);
    for (const name of Object.values(toLocalized(o.name))) orgByName.set(name.toLowerCase(), o.id);
  }
  const forumSlugs = new Set(forums.map((f) => f.slug));
  const taken = new Set(registered.map((r) => r.user.email));
  const seen = new Set<string>();

  const checked = rows.map(({ line, values }) => {
    const problems: string[] = [];
    const email = emailSchema.safeParse(values.email);
    if (!values.name) problems.push("nameMissing");
    if (!email.success) problems.push("email");
    else if (seen.has(email.data)) problems.push("duplicateInFile");
    else if (taken.has(email.data)) problems.push("alreadyRegistered");
    if (email.success) seen.add(email.data);
    const role = (values.role || "delegate").toLowerCase();
    if (!(allRoles as readonly string[]).includes(role)) problems.push("roleUnknown");
    const wanted = (values.forums ?? "").split(/[;|]/).map((f) => f.trim()).filter(Boolean);
    if (wanted.some((f) => !forumSlugs.has(f))) problems.push("forumUnknown");
    const organizationId = values.organisation ? (orgByName.get(values.organisation.toLowerCase()) ?? null) : null;
    return {
      report: { line, email: values.email ?? "", problems },
      data: { email: email.data ?? "", name: values.name, role, forumSlugs: wanted, organizationId, organizationOther: organizationId ? null : values.organisation || null },
    };
  });
  const reports = checked.map((c) => c.report);
  if (reports.some((r) => r.problems.length)) return { imported: 0, rows: reports };

  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const withTokens = checked.map((c) => ({ ...c.data, ...newToken() }));
  const event = await db.$transaction(async (tx) => {
    for (const inv of withTokens) {
      const data = { name: inv.name, role: inv.role as (typeof allRoles)[number], forumSlugs: inv.forumSlugs, organizationId: inv.organizationId, organizationOther: inv.organizationOther, tokenHash: inv.hash, expiresAt, acceptedAt: null, registrationId: null, createdById: organizer.userId };
      const saved = await tx.invitation.upsert({ where: { eventId_email: { eventId, email: inv.email } }, update: data, create: { ...data, eventId, email: inv.email } });
      await audit(tx, { eventId, actorId: organizer.userId, action: "invitation.sent", entityType: "invitation", entityId: saved.id, data: { email: inv.email, role: inv.role } });
    }
    return tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, timeZone: true } });
  }, TX_OPTIONS);

  const title = toLocalized(event.title);
  for (const inv of withTokens) {
    const known = await db.user.findUnique({ where: { email: inv.email }, select: { locale: true } });
    const lang = known?.locale ?? locale;
    const url = `${getEnv().PUBLIC_BASE_URL}/${lang}/invitations/${inv.token}`;
    try {
      await sendMail({ to: inv.email, ...invitationMail({ url, locale: lang, eventTitle: pickText(title, lang), name: inv.name, expiresAt, timeZone: event.timeZone }) });
    } catch (err) {
      console.error(`[mail] invitation to ${inv.email} failed:`, err);
    }
  }
  return { imported: withTokens.length, rows: reports };
}

/** A usable invitation for `token`, or null (unknown, used or expired). */
export async function getInvitation(token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { event: { select: { slug: true, title: true } }, organization: { select: { key: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) return null;
  return invitation;
}

export async function listInvitations(actor: Actor | null, slug: string) {
  const { eventId } = await requireOrganizer(actor, slug);
  const [event, invitations] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } }),
    db.invitation.findMany({ where: { eventId }, orderBy: { createdAt: "desc" }, take: 500 }),
  ]);
  return { timeZone: event.timeZone, invitations };
}
