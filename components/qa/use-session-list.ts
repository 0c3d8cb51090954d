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

/** `url` null: nothing to read (yet). What was read is kept with its address, so when the address
 * changes (the room moves on to the next session) the last session's list is never shown as this one's. */
export function useSessionList<T>(url: string | null) {
  const [read, setRead] = useState<{ url: string; list: T | null; refusal: QaRefusal | null } | null>(null);
  const apply = useCallback((from: string, o: Outcome<T>) => {
    if (!o) return;
    setRead((prev) => ("list" in o ? { url: from, list: o.list, refusal: null } : { url: from, list: prev?.url === from ? prev.list : null, refusal: o.refusal }));
  }, []);
  const refresh = useCallback(async () => {
    if (url) apply(url, await load<T>(url));
  }, [url, apply]);
  useEffect(() => {
    if (!url) return;
    let gone = false;
    void load<T>(url).then((o) => !gone && apply(url, o));
    return () => {
      gone = true;
    };
  }, [url, apply]);
  const current = read && read.url === url ? read : null;
  return { list: current?.list ?? null, refusal: current?.refusal ?? null, refresh };
}
