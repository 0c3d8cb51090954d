"use client";
// Sends a file or a form with upload progress and Cancel, for every uploader of the product
// (materials, recordings, agenda spreadsheets, invitation lists). XMLHttpRequest, because fetch
// cannot report upload progress.
import { useCallback, useEffect, useRef, useState } from "react";

/** How an upload ended: answered by the server (its status and JSON body, if any), cut off by the
 * network, or cancelled by the user. */
export type UploadOutcome = { kind: "answered"; status: number; body: unknown } | { kind: "failed" } | { kind: "cancelled" };

/** The `error.message` / `error.text` of one of our JSON error answers (DESIGN.md's error shape). */
export function answerError(outcome: UploadOutcome): { message?: string; text?: string } {
  if (outcome.kind !== "answered" || typeof outcome.body !== "object" || outcome.body === null) return {};
  const error = (outcome.body as { error?: unknown }).error;
  return typeof error === "object" && error !== null ? (error as { message?: string; text?: string }) : {};
}

export function useUpload() {
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<XMLHttpRequest | null>(null);
  // Leaving the page cancels what is under way.
  useEffect(() => () => current.current?.abort(), []);

  const send = useCallback(
    (url: string, body: XMLHttpRequestBodyInit, headers: Record<string, string> = {}) =>
      new Promise<UploadOutcome>((resolve) => {
        const xhr = new XMLHttpRequest();
        current.current = xhr;
        xhr.open("POST", url);
        for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
        xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
        const end = (outcome: UploadOutcome) => {
          current.current = null;
          setBusy(false);
          resolve(outcome);
        };
        xhr.onload = () => {
          setProgress(100);
          let json: unknown = null;
          try {
            json = JSON.parse(xhr.responseText);
          } catch {}
          end({ kind: "answered", status: xhr.status, body: json });
        };
        xhr.onerror = () => end({ kind: "failed" });
        xhr.onabort = () => {
          setProgress(null);
          end({ kind: "cancelled" });
        };
        setProgress(0);
        setBusy(true);
        xhr.send(body);
      }),
    [],
  );
  const cancel = useCallback(() => current.current?.abort(), []);
  const clear = useCallback(() => setProgress(null), []);
  return { progress, busy, send, cancel, clear };
}
