// The agenda as the app reads it: plain objects, times as UTC Dates.
import type { LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export type SessionStatus = "scheduled" | "live" | "ended";
export type SessionKind = "opening" | "talk" | "panel" | "discussion" | "break" | "closing";

export interface DisplayZone {
  zone: string;
  abbr: string;
  label: LocalizedText;
}

export interface OrganizationRef {
  key: string;
  name: LocalizedText;
  country: string;
}

export type SpeakerRole = "speaker" | "moderator" | "interpreter";

export interface Speaker {
  name: string;
  nameLatin: string | null;
  role: SpeakerRole;
  bio: LocalizedText | null;
  photoUrl: string | null;
  organization: OrganizationRef | null;
}

export interface AgendaSession {
  id: string;
  key: string;
  title: LocalizedText;
  abstract: LocalizedText;
  kind: SessionKind;
  language: Locale;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  sequence: number;
  updatedAt: Date;
  speakers: Speaker[];
}

export interface AgendaForum {
  id: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  position: number;
  startsAt: Date;
  endsAt: Date;
  hosts: OrganizationRef[];
  sessions: AgendaSession[];
}

export interface AgendaEvent {
  id: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  venue: LocalizedText;
  hostCountries: string[];
  languages: Locale[];
  timeZone: string;
  displayZones: DisplayZone[];
  startsAt: Date;
  endsAt: Date;
}

export interface Agenda {
  event: AgendaEvent;
  forums: AgendaForum[];
}
