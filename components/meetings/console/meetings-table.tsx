// The organizers' list of an event's meetings: a table on wide screens, each row a stacked card on a
// phone (the cells carry their own labels there, as the header row is only for wide screens).
// Times in the organizer's zone with the event's zones beside; never the note (lib/meetings/console.ts).
import { useTranslations } from "next-intl";
import type { ShownZone } from "@/lib/agenda/display-zones";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { ConsoleMeeting } from "@/lib/meetings/console";
import type { Person } from "@/lib/meetings/data";
import { meetingTime, zoneTimes } from "@/lib/meetings/times";
import { OrganizerCancelButton } from "./cancel-button";

const nameOf = (p: Person, locale: Locale) => (locale === "en" && p.nameLatin ? p.nameLatin : p.name);

export function MeetingsTable({ slug, meetings, locale, zone, zones, now }: { slug: string; meetings: ConsoleMeeting[]; locale: Locale; zone: string; zones: ShownZone[]; now: Date }) {
  const t = useTranslations("meetings");
  const cell = "block p-1 md:table-cell md:p-2 md:align-top";
  const label = "font-medium md:hidden";
  const who = (p: Person) => (
    <>
      <span className="font-medium">{nameOf(p, locale)}</span>
      {p.organization && <span className="block text-slate-700">{pickText(p.organization, locale)}</span>}
    </>
  );
  return (
    <table className="block w-full border-collapse text-left text-sm md:table" data-testid="console-meetings">
      <caption className="sr-only">{t("console.list")}</caption>
      <thead className="sr-only md:not-sr-only md:table-header-group md:border-b-2 md:border-slate-300">
        <tr>
          {(["when", "requester", "invitee", "status", "actions"] as const).map((h) => (
            <th key={h} scope="col" className="p-2">
              {t(`console.${h}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block space-y-3 md:table-row-group md:space-y-0">
        {meetings.map((m) => {
          const cancellable = (m.status === "requested" || m.status === "accepted") && m.endsAt > now;
          return (
            <tr
              key={m.id}
              className="block rounded border border-slate-200 p-2 md:table-row md:rounded-none md:border-0 md:border-b md:p-0"
              data-testid="console-meeting"
              data-id={m.id}
              data-status={m.status}
            >
              <td className={cell}>
                <time dateTime={m.startsAt.toISOString()} className="block">
                  {meetingTime(m.startsAt, m.endsAt, zone, locale)}
                </time>
                {zones.length > 0 && <span className="block text-slate-700">{zoneTimes(m.startsAt, m.endsAt, zones, locale)}</span>}
              </td>
              <td className={cell}>
                <span className={label}>{t("console.requester")}: </span>
                {who(m.requester)}
              </td>
              <td className={cell}>
                <span className={label}>{t("console.invitee")}: </span>
                {who(m.invitee)}
              </td>
              <td className={cell} data-testid="console-meeting-status">
                <span className={label}>{t("console.status")}: </span>
                {t(`status.${m.status}`)}
              </td>
              <td className={cell}>{cancellable && <OrganizerCancelButton slug={slug} id={m.id} a={nameOf(m.requester, locale)} b={nameOf(m.invitee, locale)} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
