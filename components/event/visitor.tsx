"use client";
// The visitor's standing with an event for the leaves of a page (Join, bookmarks). A page rendered
// per request passes it in; a page served from the cache is the same for everyone, so its leaves ask
// GET /api/me/events/{slug} once after loading.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { VisitorSnapshot } from "@/lib/event-state/state";

interface VisitorState {
  visitor: VisitorSnapshot | null;
  setBookmarked: (sessionId: string, on: boolean) => void;
}

const VisitorContext = createContext<VisitorState>({ visitor: null, setBookmarked: () => {} });

export function VisitorProvider({ slug, initial, children }: { slug: string; initial?: VisitorSnapshot; children: ReactNode }) {
  const [visitor, setVisitor] = useState<VisitorSnapshot | null>(initial ?? null);
  useEffect(() => {
    if (initial) return;
    let gone = false;
    fetch(`/api/me/events/${encodeURIComponent(slug)}`, { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<VisitorSnapshot>) : null))
      .then((snapshot) => !gone && snapshot && setVisitor(snapshot))
      // Without it the page still works: no Join and no bookmarks, as for a visitor signed out.
      .catch(() => {});
    return () => {
      gone = true;
    };
  }, [slug, initial]);
  const setBookmarked = (sessionId: string, on: boolean) => setVisitor((v) => v && { ...v, bookmarks: on ? [...new Set([...v.bookmarks, sessionId])] : v.bookmarks.filter((id) => id !== sessionId) });
  return <VisitorContext.Provider value={{ visitor, setBookmarked }}>{children}</VisitorContext.Provider>;
}

export function useVisitor(): VisitorState {
  return useContext(VisitorContext);
}
