// Reads behind the pages that follow an event's state: its registration offer now, a visitor's
// standing (registration, the forums that are theirs, their bookmarks), and rooms kept open late.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countSeatsTaken } from "@/lib/registration/seats";
import { registrationOffer, type RegistrationOffer, type VisitorSnapshot, type VisitorStanding } from "./state";

/** The registration offer of event `slug` at `now` (NOT_FOUND unless published). */
export async function getRegistrationOfferOrThrow(slug: string, now = new Date()): Promise<{ eventId: string; offer: RegistrationOffer }> {
  const event = await db.event.findFirst({
    where: { slug, publishedAt: { not: null } },
    select: { id: true, registrationPolicy: true, audiencePolicy: true, registrationOpensAt: true, registrationClosesAt: true, capacity: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const taken = await countSeatsTaken(db, event.id);
  const settings = { policy: event.registrationPolicy, audiencePolicy: event.audiencePolicy, opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt, capacity: event.capacity };
  return { eventId: event.id, offer: registrationOffer(settings, taken, now) };
}

/** Where `actor` stands with the event: registered or not, and the forums that are theirs (those
 * they chose, and for speakers and interpreters those they are on the programme of, as the room's
 * own check counts them). */
export async function getVisitorStanding(actor: Actor | null, eventId: string): Promise<VisitorStanding> {
  if (!actor) return { signedIn: false, registration: null };
  const reg = await db.registration.findUnique({
    where: { eventId_userId: { eventId, userId: actor.userId } },
    select: { role: true, status: true, forums: { select: { forumId: true } } },
  });
  if (!reg) return { signedIn: true, registration: null };
  const bans = await db.roomBan.findMany({ where: { userId: actor.userId, forum: { eventId } }, select: { forumId: true } });
  const own = new Set(reg.forums.map((f) => f.forumId));
  if (reg.role === "speaker" || reg.role === "interpreter") {
    const slots = await db.sessionSpeaker.findMany({ where: { userId: actor.userId, session: { forum: { eventId } } }, select: { session: { select: { forumId: true } } } });
    for (const s of slots) own.add(s.session.forumId);
  }
  return { signedIn: true, registration: { role: reg.role, status: reg.status, ownForumIds: [...own], removedFromForumIds: bans.map((b) => b.forumId) } };
}

/** Rooms an organizer kept open past their block, and rooms open for a rehearsal: forum id → until when. */
export async function getRoomWindows(eventId: string): Promise<Pick<VisitorSnapshot, "extensions" | "rehearsals">> {
  const rows = await db.forum.findMany({
    where: { eventId, OR: [{ roomExtendedUntil: { not: null } }, { rehearsalUntil: { not: null } }] },
    select: { id: true, roomExtendedUntil: true, rehearsalUntil: true },
  });
  const map = (key: "roomExtendedUntil" | "rehearsalUntil") => Object.fromEntries(rows.filter((r) => r[key]).map((r) => [r.id, r[key]!.toISOString()]));
  return { extensions: map("roomExtendedUntil"), rehearsals: map("rehearsalUntil") };
}

/** What the pages and GET /api/me/events/{slug} tell a visitor's leaves about them and the event's
 * rooms (besides whether registration is open, which the offer read beside it says). */
export async function getVisitorSnapshot(actor: Actor | null, eventId: string): Promise<Omit<VisitorSnapshot, "registrationOpen">> {
  const [standing, bookmarks, windows] = await Promise.all([getVisitorStanding(actor, eventId), getBookmarkedIds(actor, eventId), getRoomWindows(eventId)]);
  return { ...standing, bookmarks, ...windows };
}

/** The sessions of the event `actor` saved to My agenda. */
export async function getBookmarkedIds(actor: Actor | null, eventId: string): Promise<string[]> {
  if (!actor) return [];
  const rows = await db.bookmark.findMany({ where: { userId: actor.userId, session: { forum: { eventId } } }, select: { sessionId: true } });
  return rows.map((r) => r.sessionId);
}
