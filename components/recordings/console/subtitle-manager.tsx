"use client";
// Subtitles of one recording, one file per language (WebVTT or SRT), each correctable in the page
// (subtitle-editor.tsx). A refused file is reported with the line that is wrong, in the server's
// words, and nothing is saved.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { SubtitleView } from "@/lib/recordings/data";
import { locales, type Locale } from "@/lib/i18n/routing";
import { SubtitleEditor } from "./subtitle-editor";
import { useErrorText } from "./use-error-text";

type Outcome = { tone: "info" | "error"; text: string };

export function SubtitleManager({ id, locale, subtitles }: { id: string; locale: string; subtitles: SubtitleView[] }) {
  const t = useTranslations("recordingsConsole.subtitles");
  const tc = useTranslations("recordings.channels");
  const errorText = useErrorText();
  const router = useRouter();
  const [busy, setBusy] = useState<Locale | null>(null);
  const [outcome, setOutcome] = useState<Partial<Record<Locale, Outcome>>>({});
  const url = (l: Locale) => `/api/organizer/recordings/${id}/subtitles/${l}?locale=${locale}`;
  const report = (l: Locale, o: Outcome) => setOutcome((all) => ({ ...all, [l]: o }));

  async function send(l: Locale, init: RequestInit, done: (body: { subtitles?: { cueCount: number } }) => string) {
    setBusy(l);
    try {
      const res = await fetch(url(l), init);
      const body = res.status === 204 ? {} : await res.json().catch(() => ({}));
      if (res.ok) {
        report(l, { tone: "info", text: done(body) });
        router.refresh();
      } else {
        report(l, { tone: "error", text: body.error?.text ?? errorText(body.error?.message ?? "uploadFailed") });
      }
    } catch {
      report(l, { tone: "error", text: errorText("uploadFailed") });
    } finally {
      setBusy(null);
    }
  }

  const saveText = (l: Locale) => (vtt: string, fileName: string) =>
    void send(l, { method: "PUT", body: vtt, headers: { "content-type": "text/plain; charset=utf-8", "x-file-name": encodeURIComponent(fileName) } }, (body) =>
      t("saved", { cues: body.subtitles?.cueCount ?? 0 }),
    );

  function upload(l: Locale, e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get("file");
    if (!(file instanceof File) || !file.name) return;
    const form = e.currentTarget;
    void send(l, { method: "PUT", body: file, headers: { "content-type": "text/plain; charset=utf-8", "x-file-name": encodeURIComponent(file.name) } }, (body) => {
      form.reset();
      return t("saved", { cues: body.subtitles?.cueCount ?? 0 });
    });
  }

  return (
    <ul className="space-y-3" data-testid="subtitles">
      {locales.map((l) => {
        const current = subtitles.find((s) => s.language === l);
        const fileId = `subtitle-${id}-${l}`;
        return (
          <li key={l} className="space-y-1" data-testid="subtitle-language" data-language={l}>
            <p className="text-sm">
              <span className="font-medium">{tc(l)}: </span>
              <span data-testid="subtitle-current">{current ? t("current", { file: current.fileName, cues: current.cueCount }) : t("none")}</span>
            </p>
            {current?.automatic && (
              <p className="text-sm text-slate-700" data-testid="subtitle-automatic">
                {t("automatic")}
              </p>
            )}
            {current && (
              <SubtitleEditor
                key={`${current.fileName}-${current.cueCount}`}
                url={url(l)}
                readUrl={`/api/recordings/${id}/subtitles/${l}`}
                languageName={tc(l)}
                fileName={current.fileName}
                busy={busy !== null}
                save={saveText(l)}
              />
            )}
            <form onSubmit={(e) => upload(l, e)} className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor={fileId} className="block text-sm">
                  {t("file", { language: tc(l) })}
                </label>
                <input id={fileId} name="file" type="file" accept=".vtt,.srt,text/vtt" required className={inputClass} />
              </div>
              <button
                type="submit"
                disabled={busy !== null}
                aria-busy={busy === l}
                className="rounded border border-sky-900 px-3 py-1.5 font-medium text-sky-900 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-sky-700"
              >
                {t("upload", { language: tc(l) })}
              </button>
              {current && (
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => void send(l, { method: "DELETE" }, () => t("removed"))}
                  className="rounded border border-red-700 px-3 py-1.5 font-medium text-red-800 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-red-700"
                >
                  {t("remove", { language: tc(l) })}
                </button>
              )}
            </form>
            <div aria-live="polite">
              {outcome[l] && (
                <p role={outcome[l].tone === "error" ? "alert" : "status"} className={`text-sm ${outcome[l].tone === "error" ? "text-red-800" : "text-slate-700"}`} data-testid="subtitle-outcome">
                  {outcome[l].text}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
