// A registration ready to take its seat: the forums and organisation it names checked, what it is
// granted and what it only asks for decided (claims.ts). `take` writes it under the event's lock.
import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrationRole } from "@/lib/auth/roles";
import { decideClaims, type OrganizationChoice } from "./claims";
import type { RegistrationInput } from "./schema";
import { registerSeatGrouped } from "./seat-group";
import { registerSeat, type NewRegistration } from "./seats";

export interface SeatedEvent {
  id: string;
  title: unknown;
}

type Invitation = { id: string; role: RegistrationRole; forumSlugs?: string[] } & OrganizationChoice;

export type Seat = { status: "approved" | "pending" | "waitlisted"; registrationId: string };

async function resolveReferences(eventId: string, input: RegistrationInput) {
  // The audience names no forum: it watches every broadcast forum of the event.
  const slugs = input.role === "audience" ? [] : input.forums;
  const forums = slugs.length ? await db.forum.findMany({ where: { eventId, slug: { in: slugs } }, select: { id: true, slug: true } }) : [];
  if (forums.length !== new Set(slugs).size) throw new AppError("BAD_REQUEST", "forums");
  if (input.organizationKey === "other") return { forumIds: forums.map((f) => f.id), organizationId: null, organizationOther: input.organizationOther };
  const org = await db.organization.findUnique({ where: { key: input.organizationKey }, select: { id: true } });
  if (!org) throw new AppError("BAD_REQUEST", "organization");
  return { forumIds: forums.map((f) => f.id), organizationId: org.id, organizationOther: null };
}

export async function seatFor(event: SeatedEvent, input: RegistrationInput, invitation: Invitation | null) {
  const refs = await resolveReferences(event.id, input);
  const claims = decideClaims({ role: input.role, organizationId: refs.organizationId, organizationOther: refs.organizationOther }, invitation);
  return {
    claims,
    async take(client: Tx, userId: string, auditAction: string, now: Date): Promise<Seat> {
      try {
        const registration: NewRegistration = {
          eventId: event.id,
          userId,
          ...claims,
          invitationId: invitation?.id ?? null,
          country: input.country,
          preferredLanguage: input.preferredLanguage,
          timeZone: input.timeZone,
          accessibilityNeeds: input.accessibilityNeeds || null,
          recordingConsent: input.recordingConsent,
          forumIds: claims.role === "audience" ? [] : refs.forumIds,
          auditAction,
          now,
        };
        // Outside a transaction, the seat is decided together with those that arrived with it (seat-group.ts).
        const decision = client === db ? await registerSeatGrouped({ ...registration, id: crypto.randomUUID() }) : await registerSeat(client, registration);
        if (decision.registrationId === null) {
          // A declined registration stays declined: cancelling and registering again does not undo the decision.
          if (decision.status === "declined") throw new AppError("FORBIDDEN", "registrationDeclined");
          // The audience's policy became invitation-only between the form's check and the seat.
          if (decision.status === "invitationOnly") throw new AppError("FORBIDDEN", "audienceInvitationOnly");
          throw new AppError("CONFLICT", "alreadyRegistered");
        }
        return { status: decision.status, registrationId: decision.registrationId };
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "alreadyRegistered");
        throw err;
      }
    },
  };
}
