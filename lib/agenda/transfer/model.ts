// The draft agenda as import and export see it: forums by slug, sessions by key, speakers with
// what the spreadsheet writes of them. Plain data, read by data.ts, used by the pure rules.
import type { SessionKind, SpeakerRole } from "@/lib/agenda/types";
import type { LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export interface StoredSpeaker {
  userId: string | null;
  /** The registered person's e-mail; null for a guest. */
  email: string | null;
  name: string;
  nameLatin: string | null;
  organizationKey: string | null;
  /** A registered person's own organisation (their registration's): the default when none is written. */
  homeOrganizationKey: string | null;
  role: SpeakerRole;
  bio: LocalizedText | null;
  photoUrl: string | null;
}

export interface StoredSession {
  id: string;
  key: string;
  title: LocalizedText;
  abstract: LocalizedText;
  kind: SessionKind;
  language: Locale;
  startsAt: Date;
  endsAt: Date;
  speakers: StoredSpeaker[];
}

export interface StoredForum {
  id: string;
  slug: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  sessions: StoredSession[];
}

export interface StoredAgenda {
  /** The event's home zone: exports write times in it, and rows without a zone are read in it. */
  zone: string;
  event: { startsAt: Date; endsAt: Date };
  forums: StoredForum[];
}

/** A registered person the file may name by e-mail (an approved registration of the event). */
export interface KnownPerson {
  userId: string;
  name: string;
  homeOrganizationKey: string | null;
}

export interface Directory {
  people: Map<string, KnownPerson>;
  organizationKeys: Set<string>;
}
