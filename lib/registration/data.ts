// What the registration form needs: the event's policy and window, organisations, forums.
import "server-only";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { audienceOffer, windowState } from "./capacity";
import { countAudienceTaken } from "./seats";

export async function getRegistrationContextOrThrow(slug: string, now = new Date()) {
  const event = await db.event.findFirst({ where: { slug, publishedAt: { not: null } } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  // Titles and forums as published: a forum still in the organizers' draft is not offered.
  const [published, organizations, audienceTaken] = await Promise.all([
    getAgendaOrThrow(slug),
    db.organization.findMany({ orderBy: [{ country: "asc" }, { key: "asc" }] }),
    countAudienceTaken(db, event.id),
  ]);
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: published.event.title,
      timeZone: published.event.timeZone,
      displayZones: published.event.displayZones,
      hostCountries: event.hostCountries,
      policy: event.registrationPolicy,
      opensAt: event.registrationOpensAt,
      closesAt: event.registrationClosesAt,
      window: windowState(event.registrationOpensAt, event.registrationClosesAt, now),
      audience: audienceOffer(event.audiencePolicy, event.audienceCapacity, audienceTaken),
    },
    organizations: organizations.map((o) => ({ key: o.key, name: toLocalized(o.name) })),
    forums: published.forums.map((f) => ({ slug: f.slug, title: f.title, startsAt: f.startsAt, endsAt: f.endsAt })),
  };
}

export async function getMembership(userId: string, eventId: string) {
  return db.registration.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { status: true, role: true } });
}
