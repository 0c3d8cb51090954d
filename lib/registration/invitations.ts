// Invitations: organizers import a CSV (name, email, organisation, role, forums, and optionally
// language); each row becomes a single-use, expiring invitation mailed to the person in its
// language (the row's, else the event's first), with a link to the form in that language. A file
// with any bad row imports nothing and comes back with a report of every row rejected and why.
import "server-only";
import { CONTROL_CHARACTERS, z } from "@/lib/zod";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor, type OrganizerAccess } from "@/lib/auth/session";
import { parseCsv } from "@/lib/csv/csv";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { locales, type Locale } from "@/lib/i18n/routing";
import { invitationMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";
import { hashToken, newToken } from "@/lib/security/tokens";
import { allRoles } from "./schema";
import { TX_OPTIONS } from "./seats";

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

/** The language invitations of an event go out in when the CSV names none: the event's first. */
export function defaultInvitationLanguage(eventLanguages: readonly string[]): Locale {
  return (eventLanguages.find((l) => (locales as readonly string[]).includes(l)) as Locale | undefined) ?? "en";
}

export async function importInvitations(actor: Actor | null, slug: string, csv: string, now = new Date()): Promise<ImportReport> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { header, rows } = parseCsv(csv);
  if (!rows.length) return { imported: 0, rows: [], fileProblem: "csvEmpty" };
  if (REQUIRED_COLUMNS.some((c) => !header.includes(c))) return { imported: 0, rows: [], fileProblem: "csvColumns" };
  if (rows.length > MAX_INVITATION_ROWS) return { imported: 0, rows: [], fileProblem: "csvTooManyRows" };

  const [orgs, forums, registered, eventRow] = await Promise.all([
    db.organization.findMany(),
    db.forum.findMany({ where: { eventId }, select: { slug: true } }),
    db.registration.findMany({ where: { eventId, status: { not: "cancelled" } }, select: { user: { select: { email: true } } } }),
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { languages: true } }),
  ]);
  const fallbackLanguage = defaultInvitationLanguage(eventRow.languages);
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
    const wanted = (values.forums ?? "")
      .split(/[;|]/)
      .map((f) => f.trim())
      .filter(Boolean);
    if (wanted.some((f) => !forumSlugs.has(f))) problems.push("forumUnknown");
    const organizationId = values.organisation ? (orgByName.get(values.organisation.toLowerCase()) ?? null) : null;
    const language = (values.language ?? "").trim().toLowerCase() || fallbackLanguage;
    if (!(locales as readonly string[]).includes(language)) problems.push("languageUnknown");
    if (CONTROL_CHARACTERS.test(values.name ?? "") || CONTROL_CHARACTERS.test(values.organisation ?? "")) problems.push("invalidCharacters");
    return {
      report: { line, email: values.email ?? "", problems },
      data: {
        email: email.data ?? "",
        name: values.name,
        role,
        forumSlugs: wanted,
        organizationId,
        organizationOther: organizationId ? null : values.organisation || null,
        language: language as Locale,
      },
    };
  });
  const reports = checked.map((c) => c.report);
  if (reports.some((r) => r.problems.length)) return { imported: 0, rows: reports };

  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const withTokens = checked.map((c) => ({ ...c.data, ...newToken() }));
  const event = await db.$transaction(async (tx) => {
    for (const inv of withTokens) {
      const data = {
        name: inv.name,
        role: inv.role as (typeof allRoles)[number],
        forumSlugs: inv.forumSlugs,
        organizationId: inv.organizationId,
        organizationOther: inv.organizationOther,
        language: inv.language,
        tokenHash: inv.hash,
        expiresAt,
        acceptedAt: null,
        registrationId: null,
        createdById: organizer.userId,
      };
      const saved = await tx.invitation.upsert({ where: { eventId_email: { eventId, email: inv.email } }, update: data, create: { ...data, eventId, email: inv.email } });
      await audit(tx, { eventId, actorId: organizer.userId, action: "invitation.sent", entityType: "invitation", entityId: saved.id, data: { email: inv.email, role: inv.role } });
    }
    return tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, timeZone: true } });
  }, TX_OPTIONS);

  const title = toLocalized(event.title);
  for (const inv of withTokens) {
    // The mail, its link and the form behind it in the invitation's language.
    const lang = inv.language;
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

/** The latest invitations, and the language a CSV row without one is sent in. */
export async function listInvitations({ eventId }: OrganizerAccess) {
  const [invitations, event] = await Promise.all([
    db.invitation.findMany({ where: { eventId }, orderBy: { createdAt: "desc" }, take: 500 }),
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { languages: true, timeZone: true } }),
  ]);
  return { invitations, defaultLanguage: defaultInvitationLanguage(event.languages), timeZone: event.timeZone };
}
