// Who attended one session: first join, last leave (times already formatted in the event's zone),
// minutes present and how many connections that took.
export interface AttendeeLine {
  key: string;
  name: string;
  organisation: string;
  firstJoined: string;
  lastLeft: string;
  minutes: number;
  joins: number;
}

export interface AttendeeHeaders {
  caption: string;
  name: string;
  organisation: string;
  firstJoined: string;
  lastLeft: string;
  minutes: string;
  connections: string;
}

export function AttendeeTable({ lines, headers }: { lines: AttendeeLine[]; headers: AttendeeHeaders }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="attendees">
        <caption className="mb-2 text-left text-lg font-medium text-slate-800">{headers.caption}</caption>
        <thead className="border-b border-slate-300">
          <tr>
            <th scope="col" className="p-2">
              {headers.name}
            </th>
            <th scope="col" className="p-2">
              {headers.organisation}
            </th>
            <th scope="col" className="p-2">
              {headers.firstJoined}
            </th>
            <th scope="col" className="p-2">
              {headers.lastLeft}
            </th>
            <th scope="col" className="p-2 text-right">
              {headers.minutes}
            </th>
            <th scope="col" className="p-2 text-right">
              {headers.connections}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className="border-b border-slate-100" data-key={l.key}>
              <th scope="row" className="p-2 font-medium">
                {l.name}
              </th>
              <td className="p-2">{l.organisation}</td>
              <td className="p-2 tabular-nums">{l.firstJoined}</td>
              <td className="p-2 tabular-nums">{l.lastLeft}</td>
              <td className="p-2 text-right tabular-nums" data-testid="minutes">
                {l.minutes}
              </td>
              <td className="p-2 text-right tabular-nums">{l.joins}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
