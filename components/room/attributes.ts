// What the room shows about a participant, read from the attributes only the server writes
// (lib/rooms/participant.ts): role, language, organisation and its name per language, the Latin
// form of their name, and their requests (hand, screen share) as instants the server received
// them. Tokens grant nobody the right to change their own, so what a client reads here is the
// server's word. Pure, so the participants list, the stage and the queues read them the same way.
import type { RegistrationRole } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/routing";
import { HAND_ATTRIBUTE, SHARE_REQUEST_ATTRIBUTE } from "@/lib/rooms/participant";

export { HAND_ATTRIBUTE, SHARE_REQUEST_ATTRIBUTE };

export type RoomRole = RegistrationRole;

const roles: readonly RoomRole[] = ["organizer", "speaker", "interpreter", "delegate", "observer"];

export interface PersonAttributes {
  role: RoomRole | null;
  organisation: string | null;
  language: string | null;
  nameLatin: string | null;
  /** When the server received the raised hand (ISO instant), or null when it is down. */
  handRaisedAt: string | null;
  /** When the server received a request to share a screen, or null. */
  shareRequestedAt: string | null;
}

/** The participant's details; the organisation's name in `locale` when the token carried it. */
export function readAttributes(attributes: Readonly<Record<string, string>> | undefined, locale: Locale = "en"): PersonAttributes {
  const a = attributes ?? {};
  const role = a.role as RoomRole | undefined;
  return {
    role: role && roles.includes(role) ? role : null,
    organisation: a[`organization.${locale}`] || a["organization.en"] || a.organization || null,
    language: a.language || null,
    nameLatin: a.nameLatin || null,
    handRaisedAt: a[HAND_ATTRIBUTE] || null,
    shareRequestedAt: a[SHARE_REQUEST_ATTRIBUTE] || null,
  };
}

/** The registered name, with its Latin form beside it when that differs (김민지 · Kim Minji). */
export function displayName(p: { name?: string; identity: string; attributes: Readonly<Record<string, string>> }): string {
  const name = p.name || p.identity;
  const latin = p.attributes.nameLatin;
  return latin && latin !== name ? `${name} · ${latin}` : name;
}

/** Roles whose camera belongs on the stage rather than in the grid. */
export function isStageRole(role: RoomRole | null): boolean {
  return role === "organizer" || role === "speaker";
}

interface WithAttributes {
  identity: string;
  attributes: Readonly<Record<string, string>>;
}

/** Participants with `attribute` set, in the order the server received it (identity breaks
 * ties, so every viewer agrees). */
function queueBy<T extends WithAttributes>(people: readonly T[], attribute: string): T[] {
  return people.filter((p) => p.attributes[attribute]).sort((a, b) => (Date.parse(a.attributes[attribute]) || 0) - (Date.parse(b.attributes[attribute]) || 0) || a.identity.localeCompare(b.identity));
}

/** Raised hands, first received first. */
export function handQueue<T extends WithAttributes>(people: readonly T[]): T[] {
  return queueBy(people, HAND_ATTRIBUTE);
}

/** Requests to share a screen, first received first. */
export function shareQueue<T extends WithAttributes>(people: readonly T[]): T[] {
  return queueBy(people, SHARE_REQUEST_ATTRIBUTE);
}
