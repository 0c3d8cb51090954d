// Reads of materials: an organizer's list, what a viewer may see, and one download's checks.
import "server-only";
import type { Actor, OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { materialAccess, type MaterialVisibility } from "./access";

const materialSelect = { id: true, title: true, fileName: true, mimeType: true, sizeBytes: true, visibility: true, createdAt: true } as const;

type Row = { id: string; title: unknown; fileName: string; mimeType: string; sizeBytes: bigint; visibility: MaterialVisibility; createdAt: Date };

export type MaterialView = ReturnType<typeof toView>;

function toView(m: Row) {
  return { id: m.id, title: toLocalized(m.title), fileName: m.fileName, mimeType: m.mimeType, sizeBytes: Number(m.sizeBytes), visibility: m.visibility, createdAt: m.createdAt };
}

/** The session with its event; NOT_FOUND when there is none. */
export async function getSessionEventOrThrow(sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { id: true, title: true, forum: { select: { event: { select: { id: true, slug: true, timeZone: true, publishedAt: true } } } } },
  });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  return { id: session.id, title: toLocalized(session.title), event: session.forum.event };
}

/** A session's materials for its event's organizers (the session must belong to `slug`). */
export async function getOrganizerMaterials({ eventId }: OrganizerAccess, sessionId: string) {
  const session = await getSessionEventOrThrow(sessionId).catch(() => null);
  if (!session || session.event.id !== eventId) throw new AppError("NOT_FOUND", "sessionNotFound");
  const rows = await db.material.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: materialSelect });
  return { session, materials: rows.map(toView) };
}

async function membershipOf(actor: Actor | null, eventId: string) {
  if (!actor) return null;
  return db.registration.findUnique({ where: { eventId_userId: { eventId, userId: actor.userId } }, select: { role: true, status: true } });
}

/** The materials of a session that this viewer may download, and whether they organize it. */
export async function getVisibleMaterials(actor: Actor | null, sessionId: string) {
  const session = await getSessionEventOrThrow(sessionId);
  const membership = await membershipOf(actor, session.event.id);
  const rows = await db.material.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" }, select: materialSelect });
  const published = !!session.event.publishedAt;
  const visible = rows.filter((m) => materialAccess(m.visibility, !!actor, membership, published) === "allow").map(toView);
  const organizes = membership?.role === "organizer" && membership.status === "approved";
  // Materials for participants this viewer cannot download yet (signing in or approval would
  // show them); organizers-only ones are not announced.
  const forParticipants = rows.filter((m) => m.visibility === "registered" && materialAccess(m.visibility, !!actor, membership, published) !== "allow").length;
  return { materials: visible, organizes, eventSlug: session.event.slug, forParticipants };
}

/** A material this viewer may download, with where its bytes are; 401 / 403 / 404 otherwise. */
export async function getMaterialForDownload(actor: Actor | null, id: string) {
  const material = await db.material.findUnique({
    where: { id },
    select: { ...materialSelect, storage: true, storageKey: true, session: { select: { forum: { select: { eventId: true, event: { select: { publishedAt: true } } } } } } },
  });
  if (!material) throw new AppError("NOT_FOUND", "materialNotFound");
  const { eventId, event } = material.session.forum;
  const decision = materialAccess(material.visibility, !!actor, await membershipOf(actor, eventId), !!event.publishedAt);
  if (decision === "notFound") throw new AppError("NOT_FOUND", "materialNotFound");
  if (decision === "unauthenticated") throw new AppError("UNAUTHENTICATED", "signInRequired");
  if (decision === "forbidden") throw new AppError("FORBIDDEN", "materialForbidden");
  return { ...toView(material), storage: material.storage, storageKey: material.storageKey };
}
