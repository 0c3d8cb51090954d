"use client";
// The room's side panel as tabs (WAI-ARIA tabs: arrow keys move between them). Every panel stays
// mounted, so the chat keeps its messages and the add-ons their state while another tab shows.
import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface SideTab {
  id: string;
  label: string;
  /** e.g. unread messages; shown beside the label. */
  badge?: number;
  content: ReactNode;
}

export function SidePanel({ tabs, label, active, onSelect }: { tabs: SideTab[]; label: string; active: string; onSelect: (id: string) => void }) {
  const setActive = onSelect;
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent, index: number) => {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    setActive(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div className="rounded border border-slate-200" data-testid="side-panel">
      <div role="tablist" aria-label={label} className="flex overflow-x-auto border-b border-slate-200">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
            onKeyDown={(e) => move(e, i)}
            className={`whitespace-nowrap px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-700 ${active === tab.id ? "border-b-2 border-sky-800 text-sky-900" : "text-slate-700"}`}
          >
            {tab.label}
            {!!tab.badge && (
              <span className="ml-1 rounded-full bg-sky-800 px-1.5 text-xs text-white" data-testid="tab-badge">
                {tab.badge}
              </span>
            )}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} hidden={active !== tab.id} className="p-3" tabIndex={0}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
