"use client";
// One of a session's lists (questions or polls) as the server shows it to this viewer, read with
// the browser's cookie; a refusal is kept as what the viewer is missing.
import { useCallback, useEffect, useState } from "react";

export type QaRefusal = "signIn" | "notRegistered" | "unavailable";

/** What a refused read means for the viewer. */
export function refusalOf(status: number): QaRefusal {
  if (status === 401) return "signIn";
  if (status === 403) return "notRegistered";
  return "unavailable";
}

type Outcome<T> = { list: T } | { refusal: QaRefusal } | null;

async function load<T>(url: string): Promise<Outcome<T>> {
  try {
    const res = await fetch(url, { cache: "no-store" });
    return res.ok ? { list: (await res.json()) as T } : { refusal: refusalOf(res.status) };
  } catch {
    // Offline for a moment: the next change or reconnect reads the list again.
    return null;
  }
}

/** `url` null: nothing to read (yet). */
export function useSessionList<T>(url: string | null) {
  const [list, setList] = useState<T | null>(null);
  const [refusal, setRefusal] = useState<QaRefusal | null>(null);
  const apply = useCallback((o: Outcome<T>) => {
    if (!o) return;
    if ("list" in o) {
      setList(o.list);
      setRefusal(null);
    } else setRefusal(o.refusal);
  }, []);
  const refresh = useCallback(async () => (url ? load<T>(url).then(apply) : undefined), [url, apply]);
  useEffect(() => {
    if (!url) return;
    let gone = false;
    void load<T>(url).then((o) => !gone && apply(o));
    return () => {
      gone = true;
    };
  }, [url, apply]);
  return { list, refusal, refresh };
}
