// What the room shows about a participant, read from the attributes their token set
// (lib/rooms/participant.ts: role, language, organization and its name per language) and the one
// they set themselves (`hand`, an ISO instant). Pure, so the participants list, the stage and the
// hand queue read them the same way.
import type { RegistrationRole } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/routing";
import { HAND_ATTRIBUTE } from "@/lib/rooms/participant";

export { HAND_ATTRIBUTE };

export type RoomRole = RegistrationRole;

const roles: readonly RoomRole[] = ["organizer", "speaker", "interpreter", "delegate", "observer"];

export interface PersonAttributes {
  role: RoomRole | null;
  organisation: string | null;
  language: string | null;
  /** When the hand went up (ISO instant), or null when it is down. */
  handRaisedAt: string | null;
}

/** The participant's details; the organisation's name in `locale` when the token carried it. */
export function readAttributes(attributes: Readonly<Record<string, string>> | undefined, locale: Locale = "en", trustedRole?: RoomRole): PersonAttributes {
  const a = attributes ?? {};
  const role = trustedRole ?? (a.role as RoomRole | undefined);
  return {
    role: role && roles.includes(role) ? role : null,
    organisation: a[`organization.${locale}`] || a["organization.en"] || a.organization || null,
    language: a.language || null,
    handRaisedAt: a[HAND_ATTRIBUTE] || null,
  };
}

/** Roles whose camera belongs on the stage rather than in the grid. */
export function isStageRole(role: RoomRole | null): boolean {
  return role === "organizer" || role === "speaker";
}

interface WithAttributes {
  identity: string;
  attributes: Readonly<Record<string, string>>;
}

/** Participants with a raised hand, first raised first (identity breaks ties, so every viewer agrees). */
export function handQueue<T extends WithAttributes>(people: readonly T[]): T[] {
  return people
    .filter((p) => readAttributes(p.attributes).handRaisedAt)
    .sort((a, b) => {
      const ta = Date.parse(a.attributes[HAND_ATTRIBUTE]) || 0;
      const tb = Date.parse(b.attributes[HAND_ATTRIBUTE]) || 0;
      return ta - tb || a.identity.localeCompare(b.identity);
    });
}
