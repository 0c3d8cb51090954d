"use client";
// The caption over the recording: the forum and the session on stage now, in the page's language.
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import { langTag } from "@/lib/i18n/lang";
import type { Locale } from "@/lib/i18n/routing";
import type { LayoutSession } from "@/lib/rooms/layout-data";
import { useCurrentSession } from "./use-current-session";

export function LowerThird({ forumTitle, sessions, locale }: { forumTitle: LocalizedText; sessions: readonly LayoutSession[]; locale: Locale }) {
  const session = useCurrentSession(sessions);
  if (!session) return null;
  return (
    <div className="pointer-events-none absolute bottom-6 left-6 max-w-[70%] rounded bg-black/75 px-5 py-3 text-white" data-testid="lower-third" data-session-id={session.id}>
      <p className="truncate text-base text-neutral-300">{pickText(forumTitle, locale)}</p>
      <p className="line-clamp-2 text-2xl font-semibold" lang={langTag[locale]} data-testid="lower-third-title">
        {pickText(session.title, locale)}
      </p>
    </div>
  );
}
