// Writes an accepted import plan inside the importing transaction (the event row already locked):
// forums first (sessions need their ids), then sessions with their speakers, each change audited
// with its changed fields as the editor audits a save, and versions bumped as the editor does.
import "server-only";
import { forumSelect, toForumInput } from "@/lib/agenda/editor/forums";
import { sessionEditorSelect, toSessionInput } from "@/lib/agenda/editor/frame";
import { resolveSpeakers } from "@/lib/agenda/editor/speakers";
import { diffInputs } from "@/lib/agenda/editor/values";
import type { Actor } from "@/lib/auth/session";
import { audit, type AuditEntry } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportPlan, PlannedForum, PlannedSession } from "./plan";

async function writeForums(tx: Tx, eventId: string, forums: PlannedForum[]): Promise<Map<string, string>> {
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true, forums: { select: { slug: true, id: true, position: true } } } });
  const ids = new Map(event.forums.map((f) => [f.slug, f.id]));
  let position = Math.max(0, ...event.forums.map((f) => f.position));
  for (const f of forums) {
    const data = { title: f.title, startsAt: f.startsAt, endsAt: f.endsAt };
    if (f.action === "update") await tx.forum.update({ where: { id: f.stored!.id }, data: { ...data, version: { increment: 1 } } });
    if (f.action !== "create") continue;
    // As the editor does: the room name is fixed at creation, unique even if the slug was used before.
    const taken = await tx.forum.count({ where: { roomName: { startsWith: `${event.slug}--${f.slug}` } } });
    const roomName = `${event.slug}--${f.slug}${taken ? `-${taken + 1}` : ""}`;
    const created = await tx.forum.create({ data: { ...data, eventId, slug: f.slug, description: { ko: "", zh: "", en: "" }, position: ++position, roomName }, select: { id: true } });
    ids.set(f.slug, created.id);
  }
  return ids;
}

async function writeSession(tx: Tx, eventId: string, forumId: string, s: PlannedSession) {
  const speakers = await resolveSpeakers(tx, eventId, s.speakers);
  const data = { forumId, key: s.key, title: s.fields.title, abstract: s.fields.abstract, kind: s.fields.kind, language: s.fields.language, startsAt: s.startsAt, endsAt: s.endsAt };
  const saved = s.stored
    ? await tx.session.update({ where: { id: s.stored.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })
    : await tx.session.create({ data, select: { id: true } });
  if (s.stored) await tx.sessionSpeaker.deleteMany({ where: { sessionId: saved.id } });
  await tx.sessionSpeaker.createMany({ data: speakers.map((p, position) => ({ sessionId: saved.id, position, ...p })) });
  return saved.id;
}

export async function applyPlan(tx: Tx, eventId: string, actor: Actor, plan: ImportPlan): Promise<void> {
  const forums = plan.forums.filter((f) => f.action !== "unchanged");
  const sessions = plan.sessions.filter((s) => s.action !== "unchanged");
  const storedIds = (list: { stored: { id: string } | null }[]) => list.flatMap((x) => (x.stored ? [x.stored.id] : []));
  const [forumsBefore, sessionsBefore] = await Promise.all([
    tx.forum.findMany({ where: { id: { in: storedIds(forums) } }, select: forumSelect }),
    tx.session.findMany({ where: { id: { in: storedIds(sessions) } }, select: sessionEditorSelect }),
  ]);

  const forumIds = await writeForums(tx, eventId, forums);
  const written: string[] = [];
  for (const s of sessions) written.push(await writeSession(tx, eventId, forumIds.get(s.forumSlug)!, s));

  const [forumsAfter, sessionsAfter] = await Promise.all([
    tx.forum.findMany({ where: { id: { in: forums.map((f) => forumIds.get(f.slug)!) } }, select: forumSelect }),
    tx.session.findMany({ where: { id: { in: written } }, select: sessionEditorSelect }),
  ]);
  const entry = (action: string, entityType: string, entityId: string, data: object): AuditEntry => ({
    eventId,
    actorId: actor.userId,
    action,
    entityType,
    entityId,
    data: data as Prisma.InputJsonValue,
  });
  const entries: AuditEntry[] = [entry("agenda.imported", "event", eventId, { forums: plan.summary.forums, sessions: plan.summary.sessions, untouched: plan.summary.untouched })];
  for (const after of forumsAfter) {
    const before = forumsBefore.find((f) => f.id === after.id) ?? null;
    const changes = diffInputs(before ? toForumInput(before, "UTC") : null, toForumInput(after, "UTC"));
    entries.push(entry(before ? "forum.updated" : "forum.created", "forum", after.id, { changes, source: "import" }));
  }
  for (const after of sessionsAfter) {
    const before = sessionsBefore.find((s) => s.id === after.id) ?? null;
    const changes = diffInputs(before ? toSessionInput(before, "UTC") : null, toSessionInput(after, "UTC"));
    entries.push(entry(before ? "session.updated" : "session.created", "session", after.id, { version: after.version, changes, source: "import" }));
  }
  await audit(tx, entries);
}
