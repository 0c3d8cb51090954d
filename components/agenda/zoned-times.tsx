"use client";
// A time range in each of the event's displayed zones (Seoul KST, Beijing CST for Clean Sky), each
// with the date it falls on in that zone: against the surrounding day heading when there is one.
import type { ShownZone } from "@/lib/agenda/display-zones";
import { offsetLabel } from "@/lib/time/zones";
import { useReferenceDay } from "./day-context";
import { TimeSpan } from "./time-span";

export function ZonedTimes({ start, end, zones }: { start: string; end: string; zones: ShownZone[] }) {
  const reference = useReferenceDay();
  const s = new Date(start);
  const e = new Date(end);
  return (
    <ul className="zoned-times" data-testid="zoned-times">
      {zones.map((z) => (
        <li key={z.zone} data-zone={z.zone}>
          <TimeSpan start={s} end={e} zone={z.zone} reference={reference} inherit /> <abbr title={`${z.label} (${offsetLabel(s, z.zone)})`}>{`${z.label} ${z.abbr}`}</abbr>
        </li>
      ))}
    </ul>
  );
}
