// What the player needs of a recording, in the viewer's language: the plain data a server page
// hands to the client leaf (no storage keys, states or organizer fields).
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { RecordingView } from "@/lib/recordings/data";

export interface PlayerChapter {
  id: string;
  sessionId: string | null;
  title: string;
  offsetMs: number;
}

export interface PlayerChannel {
  language: Locale;
  offsetMs: number;
  durationMs: number | null;
  src: string;
}

export interface PlayerRecording {
  id: string;
  title: string;
  src: string;
  mimeType: string | null;
  durationMs: number | null;
  chapters: PlayerChapter[];
  channels: PlayerChannel[];
  subtitles: { language: Locale; src: string; automatic: boolean }[];
}

export function toPlayerRecording(r: RecordingView, locale: Locale): PlayerRecording {
  return {
    id: r.id,
    title: pickText(r.title, locale),
    src: r.src,
    mimeType: r.mimeType,
    durationMs: r.durationMs,
    chapters: r.chapters.map((c) => ({ id: c.id, sessionId: c.sessionId, title: pickText(c.title, locale), offsetMs: c.offsetMs })),
    channels: r.channels.map((c) => ({ language: c.language, offsetMs: c.offsetMs, durationMs: c.durationMs, src: c.src })),
    subtitles: r.subtitles.map((s) => ({ language: s.language, src: s.src, automatic: s.automatic })),
  };
}
