// A horizontal bar chart of counts; the numbers stay in the text for screen readers and print.
export interface Bar {
  key: string;
  label: string;
  count: number;
}

export function BarChart({ bars, caption, testId }: { bars: Bar[]; caption: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure>
      <figcaption className="mb-2 font-medium text-slate-800">{caption}</figcaption>
      <ul className="space-y-2" data-testid={testId}>
        {bars.map((b) => (
          <li key={b.key} className="grid grid-cols-[minmax(7rem,14rem)_1fr_3rem] items-center gap-2 text-sm" data-key={b.key} data-count={b.count}>
            <span>{b.label}</span>
            <span aria-hidden className="h-4 rounded-sm bg-sky-800 print:border print:border-black" style={{ width: `${(b.count / max) * 100}%` }} />
            <span className="text-right tabular-nums">{b.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
