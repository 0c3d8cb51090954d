"use client";
// The chapters of a recording: each a button that seeks to its start, the playing one marked;
// on a recording's own page each also links to its session's page.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Link } from "@/lib/i18n/navigation";
import { formatOffset } from "@/lib/recordings/chapters";
import type { PlayerChapter } from "./player-data";

export function ChapterList({ chapters, current, onSeek, linkSessions }: { chapters: PlayerChapter[]; current: number; onSeek: (ms: number) => void; linkSessions: boolean }) {
  const t = useTranslations("player");
  const headingId = useId();
  return (
    <nav aria-labelledby={headingId} className="min-w-0">
      <h3 id={headingId} className="font-semibold">
        {t("chapters")}
      </h3>
      <ol className="mt-1 space-y-1" data-testid="chapters">
        {chapters.map((c, i) => (
          <li key={c.id} className="flex flex-wrap items-baseline gap-x-2">
            <button
              type="button"
              onClick={() => onSeek(c.offsetMs)}
              aria-current={i === current ? "true" : undefined}
              className="rounded px-1 text-left text-sky-900 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700 aria-[current=true]:bg-sky-100 aria-[current=true]:font-semibold"
              data-testid="chapter"
              data-offset={c.offsetMs}
            >
              {t("chapterButton", { title: c.title, time: formatOffset(c.offsetMs) })}
            </button>
            {linkSessions && c.sessionId && (
              <Link href={`/sessions/${c.sessionId}`} className="text-sm text-sky-900 underline" aria-label={t("sessionPageOf", { title: c.title })}>
                {t("sessionPage")}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
