// The agenda as the "happening now" strip needs it in the browser: titles in the page's language,
// instants as ISO strings. Pure.
import type { AgendaForum, SessionStatus } from "@/lib/agenda/types";
import { rowSlot } from "@/lib/agenda/rows";
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
  return forums.map((f) => ({ ...rowSlot(f, locale), slug: f.slug, sessions: f.sessions.map((s) => ({ ...rowSlot(s, locale), status: s.status })) }));
}
