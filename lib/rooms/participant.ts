// What a stage participant carries besides identity (user id) and name: role, organisation and
// preferred language, both as flat attributes (for filtering in the UI) and as JSON metadata.
// Pure, so the room UI can read them with the same code that writes them.
import type { RegistrationRole } from "@/lib/auth/roles";
import type { LocalizedText } from "@/lib/i18n/localized";

export type StageLanguage = "ko" | "zh" | "en";

export interface ParticipantProfile {
  role: RegistrationRole;
  language: StageLanguage;
  /** null when the person named no organisation. */
  organization: { key: string; name: LocalizedText } | null;
  nameLatin: string | null;
}

/** The attribute a client sets (to a timestamp) when it raises its hand, and clears to lower it. */
export const HAND_ATTRIBUTE = "hand";

export function toAttributes(p: ParticipantProfile): Record<string, string> {
  const org = p.organization;
  return {
    role: p.role,
    language: p.language,
    ...(org ? { organization: org.key, "organization.ko": org.name.ko, "organization.zh": org.name.zh, "organization.en": org.name.en } : {}),
  };
}

export function toMetadata(p: ParticipantProfile): string {
  return JSON.stringify(p);
}

const roles = new Set(["organizer", "speaker", "interpreter", "delegate", "observer"]);
const languages = new Set(["ko", "zh", "en"]);

/**
 * The profile in a participant's metadata, or null when it is missing or malformed. Clients may
 * edit their own metadata (they need that right to raise a hand), so treat it as display only:
 * authorization always asks the database.
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
