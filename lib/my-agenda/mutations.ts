// Writes of My agenda: saving a session, and a person's reminder and delivery preferences.
import "server-only";
import { getSessionContextOrThrow } from "@/lib/agenda/data";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bookmarkSchema, preferencesSchema } from "./schema";

/** Saves (or forgets) a published session in the person's agenda; repeating either is harmless. */
export async function setBookmark(actor: Actor | null, raw: { sessionId: string; on: boolean }) {
  const { userId } = requireActor(actor);
  const { sessionId, on } = bookmarkSchema.parse(raw);
  if (!on) {
    await db.bookmark.deleteMany({ where: { userId, sessionId } });
    return { sessionId, on };
  }
  // Only what the public agenda shows can be saved (NOT_FOUND otherwise).
  await getSessionContextOrThrow(sessionId);
  await db.bookmark.upsert({ where: { userId_sessionId: { userId, sessionId } }, update: {}, create: { userId, sessionId } });
  return { sessionId, on };
}

/** The language and zone of the person's mails for event `slug`, and how early they are reminded. */
export async function savePreferences(actor: Actor | null, slug: string, raw: Record<string, string>) {
  const { userId } = requireActor(actor);
  const input = preferencesSchema.parse(raw);
  const registration = await db.registration.findFirst({ where: { userId, event: { slug } }, select: { id: true } });
  if (!registration) throw new AppError("FORBIDDEN", "notRegistered");
  await db.$transaction([
    db.registration.update({ where: { id: registration.id }, data: { preferredLanguage: input.preferredLanguage, timeZone: input.timeZone } }),
    db.user.update({ where: { id: userId }, data: { reminderMinutes: input.reminderMinutes, timeZone: input.timeZone } }),
  ]);
  return input;
}
