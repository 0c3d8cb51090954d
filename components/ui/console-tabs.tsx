"use client";
// The event console's sub-navigation, the page being shown marked (aria-current) for sighted and
// screen-reader users alike; a tab's own sub-pages (a forum's editor under Agenda) count as it.
import { Link, usePathname } from "@/lib/i18n/navigation";

interface Tab {
  href: string;
  label: string;
  exact?: boolean;
  /** Other paths that belong to the tab (the agenda's forum and session editors). */
  also?: string[];
}

export function ConsoleTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const pathname = usePathname();
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = (tab: Tab) => (tab.exact ? pathname === tab.href : under(tab.href)) || (tab.also ?? []).some(under);
  return (
    <nav aria-label={label} className="print:hidden">
      <ul className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {tabs.map((tab) => {
          const here = current(tab);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={here ? "page" : undefined}
                className={`block rounded px-3 py-1.5 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-sky-700 ${here ? "bg-sky-900 font-semibold text-white" : "text-sky-900 hover:bg-sky-50"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
