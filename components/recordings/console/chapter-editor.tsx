"use client";
// The chapters of one recording: where each starts (h:mm:ss), which session it is (optional) and
// its title in three languages. Saved as a whole list; "Recompute" goes back to the chapters the
// sessions' real times give, throwing the edited ones away.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert, inputClass } from "@/components/ui/field";
import type { ActionFailure, ActionResult } from "@/lib/http/action-result";
import type { LocalizedText } from "@/lib/i18n/localized";
import { resetChaptersAction, saveChaptersAction } from "@/lib/recordings/actions";
import { formatOffset, parseOffset } from "@/lib/recordings/chapters";
import { locales } from "@/lib/i18n/routing";
import { useErrorText } from "./use-error-text";

export interface EditorSession {
  id: string;
  label: string;
  title: LocalizedText;
}

interface Row {
  key: number;
  offset: string;
  sessionId: string;
  title: LocalizedText;
}

let lastKey = 0;
const toRows = (chapters: { offsetMs: number; sessionId: string | null; title: LocalizedText }[]): Row[] =>
  chapters.map((c) => ({ key: ++lastKey, offset: formatOffset(c.offsetMs), sessionId: c.sessionId ?? "", title: { ...c.title } }));

const button = "rounded border px-3 py-1.5 font-medium disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700";

export function ChapterEditor({
  id,
  durationMs,
  chapters,
  sessions,
  edited,
}: {
  id: string;
  durationMs: number | null;
  chapters: { offsetMs: number; sessionId: string | null; title: LocalizedText }[];
  sessions: EditorSession[];
  edited: boolean;
}) {
  const t = useTranslations("recordingsConsole.chapters");
  const errorText = useErrorText();
  const router = useRouter();
  const [rows, setRows] = useState(() => toRows(chapters));
  // The server's chapters replace the rows whenever they change (after a save or a recompute).
  const signature = JSON.stringify(chapters);
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setRows(toRows(chapters));
  }
  const [invalid, setInvalid] = useState<number[]>([]);
  const [message, setMessage] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const update = (key: number, change: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  function chooseSession(row: Row, sessionId: string) {
    const session = sessions.find((s) => s.id === sessionId);
    // A chapter without a title yet takes its session's.
    const untitled = !row.title.ko && !row.title.zh && !row.title.en;
    update(row.key, { sessionId, ...(session && untitled ? { title: { ...session.title } } : {}) });
  }

  function finish(outcome: ActionResult, done: string) {
    setMessage(outcome.ok ? { tone: "info", text: done } : { tone: "error", text: errorText(outcome.error) });
    if (outcome.ok) router.refresh();
  }

  function save() {
    const offsets = rows.map((r) => parseOffset(r.offset));
    const bad = rows.filter((_, i) => offsets[i] === null || (durationMs !== null && offsets[i]! > durationMs)).map((r) => r.key);
    setInvalid(bad);
    if (bad.length) return setMessage({ tone: "error", text: errorText(offsets.some((o) => o === null) ? "offsetInvalid" : "chapterBeyondEnd") });
    const list = rows.map((r, i) => ({ offsetMs: offsets[i]!, sessionId: r.sessionId || null, title: r.title })).sort((a, b) => a.offsetMs - b.offsetMs);
    startTransition(async () => finish(await saveChaptersAction(id, list).catch((): ActionFailure => ({ ok: false, error: "invalidInput" })), t("saved")));
  }

  function recompute() {
    if (edited && !window.confirm(t("confirmRecompute"))) return;
    startTransition(async () => finish(await resetChaptersAction(id).catch((): ActionFailure => ({ ok: false, error: "invalidInput" })), t("recomputed")));
  }

  return (
    <div className="space-y-3" data-testid="chapter-editor">
      {edited && (
        <p className="text-sm text-slate-700" data-testid="chapters-edited">
          {t("editedNote")}
        </p>
      )}
      {rows.length === 0 && <p className="text-sm text-slate-700">{t("none")}</p>}
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key}>
            <fieldset className="grid gap-2 rounded border border-slate-200 p-2 sm:grid-cols-2 lg:grid-cols-[8rem_1fr_1fr_1fr_1fr_auto]" data-testid="chapter-row">
              <legend className="px-1 text-sm font-medium">{t("chapter", { n: i + 1 })}</legend>
              <label className="text-sm">
                {t("offset")}
                <input
                  value={row.offset}
                  onChange={(e) => update(row.key, { offset: e.target.value })}
                  placeholder="0:00:00"
                  inputMode="numeric"
                  aria-invalid={invalid.includes(row.key) || undefined}
                  className={`${inputClass} font-mono`}
                />
              </label>
              <label className="text-sm">
                {t("session")}
                <select value={row.sessionId} onChange={(e) => chooseSession(row, e.target.value)} className={inputClass}>
                  <option value="">{t("noSession")}</option>
                  {sessions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
              {locales.map((l) => (
                <label key={l} className="text-sm">
                  {t(`title.${l}`)}
                  <input value={row.title[l]} lang={l} maxLength={300} onChange={(e) => update(row.key, { title: { ...row.title, [l]: e.target.value } })} className={inputClass} />
                </label>
              ))}
              <button
                type="button"
                onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                className={`${button} self-end border-red-700 text-red-800`}
                aria-label={t("removeLabel", { n: i + 1 })}
              >
                {t("remove")}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => setRows((all) => [...all, { key: ++lastKey, offset: "", sessionId: "", title: { ko: "", zh: "", en: "" } }])}
          className={`${button} border-sky-900 text-sky-900`}
        >
          {t("add")}
        </button>
        <button type="button" onClick={save} disabled={pending} aria-busy={pending} className={`${button} border-sky-900 bg-sky-900 text-white`}>
          {t("save")}
        </button>
        <button type="button" onClick={recompute} disabled={pending} className={`${button} border-slate-500 text-slate-900`}>
          {t("recompute")}
        </button>
      </div>
      <div aria-live="polite">{message && <FormAlert tone={message.tone} message={message.text} />}</div>
    </div>
  );
}
