// Reads of the registration desk: the filtered, sorted, paged table and the counts dashboard (the
// CSV export, with the same filters, is export.ts). Organizers only. Indexes on (event, status,
// arrival) and (event, organisation) keep the table fast at 10,000 registrations.
import "server-only";
import { z } from "@/lib/zod";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { Locale } from "@/lib/i18n/routing";
import { allRoles, statuses } from "./schema";
import { countTiers } from "./seats";

export const PAGE_SIZE = 50;

export const deskQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(statuses).optional().catch(undefined),
  role: z.enum(allRoles).optional().catch(undefined),
  organization: z.string().max(100).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  forum: z.string().max(100).optional().catch(undefined),
  /** The participants (every role but the audience) or the audience (watch only). */
  tier: z.enum(["participants", "audience"]).optional().catch(undefined),
  /** "waiting": only registrations that asked for a role or an organisation not granted yet. */
  requests: z.enum(["waiting"]).optional().catch(undefined),
  sort: z.enum(["arrival", "name", "status", "role", "country", "organization"]).catch("arrival"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).catch(1),
});

export type DeskQuery = z.infer<typeof deskQuerySchema>;

export function whereOf(eventId: string, q: DeskQuery): Prisma.RegistrationWhereInput {
  // Each filter with an OR or a second condition on one field goes into AND, so none replaces another's.
  const and: Prisma.RegistrationWhereInput[] = [];
  if (q.tier) and.push({ role: q.tier === "audience" ? "audience" : { not: "audience" } });
  if (q.q)
    and.push({
      OR: [
        { user: { email: { contains: q.q, mode: "insensitive" } } },
        { user: { name: { contains: q.q, mode: "insensitive" } } },
        { user: { nameLatin: { contains: q.q, mode: "insensitive" } } },
        { organizationOther: { contains: q.q, mode: "insensitive" } },
        { requestedOrganizationOther: { contains: q.q, mode: "insensitive" } },
      ],
    });
  return {
    eventId,
    ...(q.status && { status: q.status }),
    ...(q.role && { role: q.role }),
    ...(q.country && { country: q.country }),
    ...(q.organization && { organization: { key: q.organization } }),
    ...(q.forum && { forums: { some: { forum: { slug: q.forum } } } }),
    ...(q.requests && { OR: [{ requestedRole: { not: null } }, { requestedOrganizationId: { not: null } }, { requestedOrganizationOther: { not: null } }] }),
    ...(and.length && { AND: and }),
  };
}

export function orderOf(q: DeskQuery): Prisma.RegistrationOrderByWithRelationInput[] {
  const dir = q.dir;
  const primary: Record<DeskQuery["sort"], Prisma.RegistrationOrderByWithRelationInput> = {
    arrival: { arrival: dir },
    name: { user: { nameLatin: dir } },
    status: { status: dir },
    role: { role: dir },
    country: { country: dir },
    organization: { organization: { key: dir } },
  };
  return [primary[q.sort], { arrival: "asc" }];
}

export async function getDeskPage({ eventId }: OrganizerAccess, q: DeskQuery) {
  const where = whereOf(eventId, q);
  const [total, rows, organizations, forums, event, tiers] = await Promise.all([
    db.registration.count({ where }),
    db.registration.findMany({
      where,
      orderBy: orderOf(q),
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        user: { select: { name: true, nameLatin: true, email: true } },
        organization: { select: { key: true, name: true } },
        requestedOrganization: { select: { key: true, name: true } },
        forums: { select: { forum: { select: { slug: true } } } },
      },
    }),
    db.organization.findMany({ orderBy: { key: "asc" } }),
    db.forum.findMany({ where: { eventId }, orderBy: { position: "asc" }, select: { slug: true, title: true } }),
    db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { capacity: true, audienceCapacity: true, title: true, registrationPolicy: true, registrationOpensAt: true, registrationClosesAt: true, timeZone: true },
    }),
    countTiers(db, eventId),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.user.name,
      nameLatin: r.user.nameLatin,
      email: r.user.email,
      role: r.role,
      status: r.status,
      country: r.country,
      organization: r.organization ? { key: r.organization.key, name: toLocalized(r.organization.name) } : null,
      organizationOther: r.organizationOther,
      requestedRole: r.requestedRole,
      requestedOrganization: r.requestedOrganization ? { key: r.requestedOrganization.key, name: toLocalized(r.requestedOrganization.name) } : null,
      requestedOrganizationOther: r.requestedOrganizationOther,
      forums: r.forums.map((f) => f.forum.slug),
      createdAt: r.createdAt,
    })),
    organizations: organizations.map((o) => ({ key: o.key, name: toLocalized(o.name) })),
    forums: forums.map((f) => ({ slug: f.slug, title: toLocalized(f.title) })),
    event: { ...event, title: toLocalized(event.title), ...tiers },
  };
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** Counts by status, role, organisation, country and forum (forums: approved registrations). */
export async function getDashboard({ eventId }: OrganizerAccess, locale: Locale) {
  const active = { eventId, status: { not: "cancelled" as const } };
  const [tiers, byStatus, byRole, byOrg, byCountry, byForum, orgs, forums, event] = await Promise.all([
    countTiers(db, eventId),
    db.registration.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
    db.registration.groupBy({ by: ["role"], where: active, _count: { _all: true } }),
    db.registration.groupBy({ by: ["organizationId"], where: active, _count: { _all: true } }),
    db.registration.groupBy({ by: ["country"], where: active, _count: { _all: true } }),
    db.registrationForum.groupBy({ by: ["forumId"], where: { registration: { eventId, status: "approved" } }, _count: { _all: true } }),
    db.organization.findMany(),
    db.forum.findMany({ where: { eventId }, orderBy: { position: "asc" } }),
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { capacity: true, audienceCapacity: true } }),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, pickText(toLocalized(o.name), locale)]));
  const region = new Intl.DisplayNames([locale], { type: "region" });
  const sorted = (rows: CountRow[]) => rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const forumCount = new Map(byForum.map((f) => [f.forumId, f._count._all]));
  return {
    capacity: event.capacity,
    audienceCapacity: event.audienceCapacity,
    ...tiers,
    byStatus: statuses.map((s) => ({ key: s, label: s, count: byStatus.find((r) => r.status === s)?._count._all ?? 0 })),
    byRole: allRoles.map((r) => ({ key: r, label: r, count: byRole.find((x) => x.role === r)?._count._all ?? 0 })),
    byOrganization: sorted(byOrg.map((r) => ({ key: r.organizationId ?? "other", label: r.organizationId ? (orgName.get(r.organizationId) ?? "?") : "", count: r._count._all }))),
    byCountry: sorted(byCountry.map((r) => ({ key: r.country, label: region.of(r.country) ?? r.country, count: r._count._all }))),
    byForum: forums.map((f) => ({ key: f.slug, label: pickText(toLocalized(f.title), locale), count: forumCount.get(f.id) ?? 0 })),
  };
}

export async function getRegistrationSettings({ eventId }: OrganizerAccess) {
  return db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { capacity: true, registrationPolicy: true, audiencePolicy: true, audienceCapacity: true, registrationOpensAt: true, registrationClosesAt: true, timeZone: true },
  });
}
