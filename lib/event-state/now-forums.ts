// The agenda as the "happening now" strip needs it in the browser: titles in the page's language,
// instants as ISO strings. Pure.
import type { AgendaForum, SessionStatus } from "@/lib/agenda/types";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export interface NowSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
}

export interface NowForum {
  id: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  sessions: NowSession[];
}

export function nowForums(forums: AgendaForum[], locale: Locale): NowForum[] {
  return forums.map((f) => ({
    id: f.id,
    slug: f.slug,
    title: pickText(f.title, locale),
    startsAt: f.startsAt.toISOString(),
    endsAt: f.endsAt.toISOString(),
    sessions: f.sessions.map((s) => ({ id: s.id, title: pickText(s.title, locale), startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), status: s.status })),
  }));
}
