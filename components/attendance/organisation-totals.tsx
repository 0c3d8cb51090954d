// Per-organisation sums beside their chart: the numbers as a table, for reading and for print.
import { BarChart } from "@/components/ui/bar-chart";

export interface OrganisationLine {
  key: string;
  label: string;
  people: number;
  minutes: number;
}

export function OrganisationTotals({
  lines,
  heading,
  chartCaption,
  labels,
}: {
  lines: OrganisationLine[];
  heading: string;
  chartCaption: string;
  labels: { organisation: string; people: string; minutes: string };
}) {
  return (
    <section className="grid gap-6 md:grid-cols-2" aria-label={heading}>
      <table className="w-full border-collapse text-left text-sm" data-testid="organisation-totals">
        <caption className="mb-2 text-left text-lg font-medium text-slate-800">{heading}</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="p-2">
              {labels.organisation}
            </th>
            <th scope="col" className="p-2 text-right">
              {labels.people}
            </th>
            <th scope="col" className="p-2 text-right">
              {labels.minutes}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className="border-b border-slate-100" data-key={l.key}>
              <th scope="row" className="p-2 font-medium">
                {l.label}
              </th>
              <td className="p-2 text-right tabular-nums">{l.people}</td>
              <td className="p-2 text-right tabular-nums">{l.minutes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <BarChart testId="chart-attendance-organisation" caption={chartCaption} bars={lines.map((l) => ({ key: l.key, label: l.label, count: l.minutes }))} />
    </section>
  );
}
