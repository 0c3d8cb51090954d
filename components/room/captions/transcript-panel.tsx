"use client";
// The transcript of the channel the viewer listens to, as the captions came (final lines, and the
// line still being spoken in italics), from the forum block's start for a late joiner, with a
// search that marks what it found. Times are the viewer's own clock; names are the page's (the
// room's, the stored one for a speaker who left). Captions are automatic and say so. In the room
// and on the watch page.
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import { channelLines, fold, type CaptionLine } from "@/lib/captions/lines";
import type { Channel } from "@/lib/rooms/interpretation";
import { formatBrowserClock } from "@/lib/time/zones";

/** `text` with each occurrence of `query` marked (matched case- and width-blind, as the search is). */
function marked(text: string, query: string): ReactNode {
  const q = fold(query.trim());
  const folded = fold(text);
  // Marks are cut at the folded text's places: only where folding kept every character's place.
  if (!q || folded.length !== text.length) return text;
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = folded.indexOf(q); at >= 0; at = folded.indexOf(q, at + q.length)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** `nameOf`: the speaker's name as the page shows people ("" when the captions name no one, as HLS's do). */
export function TranscriptPanel({ lines: all, channel, nameOf }: { lines: readonly CaptionLine[]; channel: Channel; nameOf: (l: CaptionLine) => string }) {
  const t = useTranslations("captions.live");
  const channels = useTranslations("interpretation.channels");
  const [query, setQuery] = useState("");
  const lines = channelLines(all, channel, query);
  return (
    <div className="space-y-3" data-testid="transcript">
      <p className="text-sm text-slate-700">{t("note", { channel: channels(channel) })}</p>
      <label className="block text-sm font-medium">
        {t("search")}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={inputClass} data-testid="transcript-search" />
      </label>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="transcript-empty">
          {query.trim() ? t("noMatch", { query: query.trim() }) : t("empty")}
        </p>
      ) : (
        <ol className="space-y-2" data-testid="transcript-lines">
          {lines.map((l) => (
            <li key={l.segmentId} className="text-sm" data-testid="transcript-line" data-final={l.final}>
              <span className="text-xs text-slate-600">
                <time dateTime={l.startsAt.toISOString()}>{formatBrowserClock(l.startsAt)}</time>
                {nameOf(l) && ` · ${nameOf(l)}`}
              </span>
              <p lang={l.language || undefined} className={l.final ? "" : "italic text-slate-700"}>
                {marked(l.text, query)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
