// What the conflict rules need of an event, read inside the editing transaction, and the
// editor's form values of a stored session.
import "server-only";
import { personKey, type AgendaFrame } from "@/lib/agenda/conflicts";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { utcToZonedLocal } from "@/lib/time/zones";
import type { SessionInput } from "./schema";

export async function loadFrame(tx: Tx, eventId: string): Promise<AgendaFrame> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      startsAt: true,
      endsAt: true,
      forums: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          sessions: {
            select: { id: true, title: true, startsAt: true, endsAt: true, speakers: { select: { userId: true, name: true, role: true } } },
          },
        },
      },
    },
  });
  return {
    event: { startsAt: event.startsAt, endsAt: event.endsAt },
    forums: event.forums.map((f) => ({ id: f.id, title: toLocalized(f.title), startsAt: f.startsAt, endsAt: f.endsAt })),
    sessions: event.forums.flatMap((f) =>
      f.sessions.map((s) => ({
        id: s.id,
        forumId: f.id,
        title: toLocalized(s.title),
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        people: s.speakers.map((p) => ({ key: personKey(p.userId, p.name), name: p.name, role: p.role })),
      })),
    ),
  };
}

export const sessionEditorSelect = {
  id: true,
  forumId: true,
  key: true,
  title: true,
  abstract: true,
  kind: true,
  language: true,
  startsAt: true,
  endsAt: true,
  status: true,
  version: true,
  speakers: {
    orderBy: { position: "asc" },
    select: {
      userId: true,
      name: true,
      nameLatin: true,
      role: true,
      bio: true,
      photoUrl: true,
      organization: { select: { key: true } },
    },
  },
} as const satisfies Prisma.SessionSelect;

export type SessionEditorRow = Prisma.SessionGetPayload<{ select: typeof sessionEditorSelect }>;

const emptyText: LocalizedText = { ko: "", zh: "", en: "" };

/** A stored session as the editor's form holds it, its times read in `zone`. */
export function toSessionInput(row: SessionEditorRow, zone: string): SessionInput {
  return {
    forumId: row.forumId,
    key: row.key,
    title: toLocalized(row.title),
    abstract: toLocalized(row.abstract),
    kind: row.kind,
    language: row.language,
    zone,
    startsAt: utcToZonedLocal(row.startsAt, zone),
    endsAt: utcToZonedLocal(row.endsAt, zone),
    speakers: row.speakers.map((sp) => ({
      userId: sp.userId,
      name: sp.name,
      nameLatin: sp.nameLatin ?? "",
      organizationKey: sp.organization?.key ?? "",
      role: sp.role,
      bio: sp.bio ? toLocalized(sp.bio) : emptyText,
      photoUrl: sp.photoUrl ?? "",
    })),
  };
}
