// What a stage participant carries besides identity (user id) and name: role, organisation,
// preferred language and the Latin form of their name, both as flat attributes (for the UI) and as
// JSON metadata; and the attributes of their requests (hand, screen share). Only the server writes
// any of them (no token grants canUpdateOwnMetadata), so every client may trust what it reads.
// Pure, so the room UI reads them with the same code that writes them.
import type { RegistrationRole } from "@/lib/auth/roles";
import type { LocalizedText } from "@/lib/i18n/localized";
import { locales, type Locale } from "@/lib/i18n/routing";

export interface ParticipantProfile {
  role: RegistrationRole;
  language: Locale;
  /** null when the person named no organisation. */
  organization: { key: string; name: LocalizedText } | null;
  nameLatin: string | null;
}

/** When the server received a raised hand (ISO instant); absent when the hand is down. */
export const HAND_ATTRIBUTE = "hand";

/** When the server received a request to share a screen (ISO instant); absent otherwise. */
export const SHARE_REQUEST_ATTRIBUTE = "shareRequest";

export function toAttributes(p: ParticipantProfile): Record<string, string> {
  const org = p.organization;
  return {
    role: p.role,
    language: p.language,
    ...(p.nameLatin ? { nameLatin: p.nameLatin } : {}),
    ...(org ? { "organization": org.key, "organization.ko": org.name.ko, "organization.zh": org.name.zh, "organization.en": org.name.en } : {}),
  };
}

const profileKeys = ["role", "language", "nameLatin", "organization", "organization.ko", "organization.zh", "organization.en"];
const boothKeys = ["booth.ko", "booth.zh", "booth.en"];

/**
 * The attributes that bring a participant in the room up to date with `p` after their
 * registration changed: every profile key restated (an empty value deletes one LiveKit keeps),
 * and requests and booth claims dropped, since they belonged to the role they had.
 */
export function replacementAttributes(p: ParticipantProfile): Record<string, string> {
  const cleared = Object.fromEntries([...profileKeys, HAND_ATTRIBUTE, SHARE_REQUEST_ATTRIBUTE, ...boothKeys].map((k) => [k, ""]));
  return { ...cleared, ...toAttributes(p) };
}

export function toMetadata(p: ParticipantProfile): string {
  return JSON.stringify(p);
}

const roles = new Set(["organizer", "speaker", "interpreter", "delegate", "observer"]);
const languages = new Set<string>(locales);

/**
 * The profile in a participant's metadata, or null when it is missing or malformed. Only the
 * server writes it, but it describes the person as they joined: authorization always asks the
 * database.
 */
export function parseMetadata(metadata: string | undefined | null): ParticipantProfile | null {
  if (!metadata) return null;
  try {
    const p = JSON.parse(metadata) as Partial<ParticipantProfile>;
    if (!roles.has(p.role as string) || !languages.has(p.language as string)) return null;
    return { role: p.role!, language: p.language!, organization: p.organization ?? null, nameLatin: p.nameLatin ?? null };
  } catch {
    return null;
  }
}
