// One meeting in the viewer's list: the other person and their organisation, the time in the
// viewer's zone with the event's zones beside it, the note, its state, and what may be done now.
import { useTranslations } from "next-intl";
import type { ShownZone } from "@/lib/agenda/display-zones";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { MeetingRow } from "@/lib/meetings/data";
import { meetingTime, zoneTimes } from "@/lib/meetings/times";
import { JOIN_EARLY_MS, roomOpen, type MeetingCommand } from "@/lib/meetings/rules";
import { formatClock } from "@/lib/time/zones";
import { MeetingButtons } from "./meeting-buttons";

export function MeetingItem({ m, locale, zone, zones, now, commands }: { m: MeetingRow; locale: Locale; zone: string; zones: ShownZone[]; now: Date; commands: MeetingCommand[] }) {
  const t = useTranslations("meetings");
  const name = locale === "en" && m.other.nameLatin ? m.other.nameLatin : m.other.name;
  const open = roomOpen(m, now);
  const upcoming = m.status === "accepted" && !open && m.endsAt > now;
  return (
    <li className="space-y-2 rounded border border-slate-200 p-3" data-testid="meeting" data-id={m.id} data-status={m.status} data-with={m.other.name}>
      <p className="font-semibold">
        {name}
        {m.other.organization && <span className="font-normal text-slate-700"> · {pickText(m.other.organization, locale)}</span>}
      </p>
      <p>
        <time dateTime={m.startsAt.toISOString()}>{meetingTime(m.startsAt, m.endsAt, zone, locale)}</time>
      </p>
      {zones.length > 0 && <p className="text-sm text-slate-700">{zoneTimes(m.startsAt, m.endsAt, zones, locale)}</p>}
      {m.note && (
        <p className="text-sm whitespace-pre-line">
          <span className="font-medium">{t("note")}:</span> {m.note}
        </p>
      )}
      <p className="text-sm text-slate-700" data-testid="meeting-status">
        {t(`status.${m.status}`)}
      </p>
      {/* A plain link: the room's document must load in full for its camera permission (lib/security/headers.ts). */}
      {open && (
        <a
          href={`/${locale}/meetings/${m.id}/live`}
          className="inline-block rounded bg-emerald-800 px-3 py-1.5 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-800"
          data-testid="meeting-join"
        >
          {t("actions.join")}
        </a>
      )}
      {upcoming && <p className="text-sm text-slate-700">{t("actions.opensAt", { time: formatClock(new Date(m.startsAt.getTime() - JOIN_EARLY_MS), zone) })}</p>}
      {commands.length > 0 && <MeetingButtons id={m.id} commands={commands} otherName={name} />}
    </li>
  );
}
