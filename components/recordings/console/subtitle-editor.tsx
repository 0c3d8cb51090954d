"use client";
// Correcting a recording's subtitles in the page (automatic ones first of all: a name the engine
// misheard): each cue's text in its own field, found by a search, an emptied cue removed. Saved
// through the same upload as a file (the server checks it the same way), after which the
// subtitles count as reviewed, no longer automatic.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { fold } from "@/lib/captions/lines";
import { formatVttTime, parseSubtitles, vttCues, type Cue } from "@/lib/recordings/subtitles";

/** Cue text as a person reads and types it: the three character references WebVTT needs, decoded. */
const readable = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The WebVTT of the edited cues; an emptied cue is left out. */
export function editedVtt(cues: readonly Cue[]): string {
  const kept = cues
    .filter((c) => c.text.trim())
    .map((c) => ({
      ...c,
      text: c.text
        .replaceAll("-->", "→")
        .replace(/\n\s*\n/g, "\n")
        .trim(),
    }));
  return `WEBVTT\n\n${vttCues(kept)}`;
}

interface SubtitleEditorProps {
  /** Where the subtitles are read (GET) and saved (PUT). */
  url: string;
  readUrl: string;
  languageName: string;
  fileName: string;
  busy: boolean;
  save: (vtt: string, fileName: string) => void;
}

export function SubtitleEditor({ url, readUrl, languageName, fileName, busy, save }: SubtitleEditorProps) {
  const t = useTranslations("recordingsConsole.subtitles");
  const [cues, setCues] = useState<Cue[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");

  async function load() {
    setFailed(false);
    try {
      const res = await fetch(readUrl, { cache: "no-store" });
      const parsed = res.ok ? parseSubtitles(await res.text(), fileName) : null;
      if (!parsed?.ok) throw new Error("unreadable");
      setCues(parsed.cues.map((c) => ({ ...c, text: readable(c.text) })));
    } catch {
      setFailed(true);
    }
  }

  const q = fold(query.trim());
  const shown = (cues ?? []).map((c, i) => ({ c, i })).filter(({ c }) => !q || fold(c.text).includes(q));
  return (
    <details
      className="rounded border border-slate-300 p-2"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !cues) void load();
      }}
      data-testid="subtitle-editor"
    >
      <summary className="cursor-pointer text-sm font-medium text-sky-900">{t("edit", { language: languageName })}</summary>
      <div className="mt-2 space-y-2">
        <p className="text-sm text-slate-700">{t("editHint")}</p>
        {failed && (
          <p role="alert" className="text-sm text-red-800">
            {t("loadFailed")}
          </p>
        )}
        {!cues && !failed && <p className="text-sm text-slate-700">{t("loading")}</p>}
        {cues && (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              save(editedVtt(cues), fileName);
            }}
            data-url={url}
          >
            <label className="block text-sm font-medium">
              {t("find")}
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={inputClass} data-testid="subtitle-find" />
            </label>
            <ol className="max-h-96 space-y-2 overflow-y-auto pr-1" data-testid="subtitle-cues">
              {shown.map(({ c, i }) => {
                const id = `${url}-cue-${i}`;
                return (
                  <li key={i} data-testid="subtitle-cue">
                    <label htmlFor={id} className="block text-xs text-slate-700">
                      {t("cue", { start: formatVttTime(c.startMs), end: formatVttTime(c.endMs) })}
                    </label>
                    <textarea id={id} rows={2} value={c.text} onChange={(e) => setCues((all) => all && all.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)))} className={inputClass} />
                  </li>
                );
              })}
            </ol>
            <button
              type="submit"
              disabled={busy}
              className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
            >
              {t("save", { language: languageName })}
            </button>
          </form>
        )}
      </div>
    </details>
  );
}
