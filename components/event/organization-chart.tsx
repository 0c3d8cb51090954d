// Participants per organisation as a bar chart (with the numbers in text for screen readers).
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { OrganizationCount } from "@/lib/agenda/data";

export function OrganizationChart({ organizations, locale, caption }: { organizations: OrganizationCount[]; locale: Locale; caption: string }) {
  const max = Math.max(1, ...organizations.map((o) => o.participants));
  return (
    <figure>
      <figcaption className="mb-2 text-sm text-slate-700">{caption}</figcaption>
      <ul className="space-y-2" data-testid="organization-chart">
        {organizations.map((o) => (
          <li key={o.key} className="grid grid-cols-[minmax(8rem,16rem)_1fr_3rem] items-center gap-2 text-sm">
            <span>
              {pickText(o.name, locale)} <span className="text-slate-600">({o.country})</span>
            </span>
            <span aria-hidden className="h-4 rounded-sm bg-sky-800" style={{ width: `${(o.participants / max) * 100}%` }} />
            <span className="text-right tabular-nums">{o.participants}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
