// Speakers as organizers enter them → rows: registered people are looked up (they must hold an
// approved registration for the event), guests keep the name typed in.
import "server-only";
import { personKey, type BookedPerson } from "@/lib/agenda/conflicts";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SpeakerInput } from "./schema";

export interface ResolvedSpeaker {
  userId: string | null;
  organizationId: string | null;
  name: string;
  nameLatin: string | null;
  role: SpeakerInput["role"];
  bio: Prisma.InputJsonValue | undefined;
  photoUrl: string | null;
}

export async function resolveSpeakers(tx: Tx, eventId: string, speakers: SpeakerInput[]): Promise<ResolvedSpeaker[]> {
  const userIds = speakers.flatMap((s) => (s.userId ? [s.userId] : []));
  const orgKeys = speakers.map((s) => s.organizationKey).filter(Boolean);
  const [registrations, orgs] = await Promise.all([
    tx.registration.findMany({
      where: { eventId, status: "approved", userId: { in: userIds } },
      select: { userId: true, organizationId: true, user: { select: { name: true, nameLatin: true, email: true } } },
    }),
    tx.organization.findMany({ where: { key: { in: orgKeys } }, select: { id: true, key: true } }),
  ]);
  const byUser = new Map(registrations.map((r) => [r.userId, r]));
  const orgByKey = new Map(orgs.map((o) => [o.key, o.id]));
  return speakers.map((s, index) => {
    const bio = s.bio.ko || s.bio.zh || s.bio.en ? s.bio : undefined;
    const organizationId = s.organizationKey ? orgByKey.get(s.organizationKey) : undefined;
    if (s.organizationKey && !organizationId) throw new AppError("BAD_REQUEST", "unknownOrganization", { index });
    if (s.userId) {
      const reg = byUser.get(s.userId);
      if (!reg) throw new AppError("BAD_REQUEST", "unknownSpeaker", { index });
      return {
        userId: s.userId,
        organizationId: organizationId ?? reg.organizationId,
        name: reg.user.name ?? reg.user.email,
        nameLatin: reg.user.nameLatin,
        role: s.role,
        bio,
        photoUrl: s.photoUrl || null,
      };
    }
    return { userId: null, organizationId: organizationId ?? null, name: s.name, nameLatin: s.nameLatin || null, role: s.role, bio, photoUrl: s.photoUrl || null };
  });
}

export function bookedPeople(speakers: ResolvedSpeaker[]): BookedPerson[] {
  return speakers.map((s) => ({ key: personKey(s.userId, s.name), name: s.name, role: s.role }));
}

/** The approved people of an event matching `query` (name, Latin name or e-mail), for the picker. */
export async function searchPeople(tx: Pick<Tx, "registration">, eventId: string, query: string) {
  const q = query.trim();
  if (q.length < 1) return [];
  const rows = await tx.registration.findMany({
    where: {
      eventId,
      status: "approved",
      user: {
        OR: [{ name: { contains: q, mode: "insensitive" } }, { nameLatin: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }],
      },
    },
    take: 12,
    orderBy: { user: { name: "asc" } },
    select: { role: true, userId: true, user: { select: { name: true, nameLatin: true, email: true } }, organization: { select: { key: true, name: true } } },
  });
  return rows.map((r) => ({
    userId: r.userId,
    name: r.user.name ?? r.user.email,
    nameLatin: r.user.nameLatin,
    role: r.role,
    organizationKey: r.organization?.key ?? "",
    organizationName: r.organization ? toLocalized(r.organization.name) : null,
  }));
}
