// The reminder mail before a session starts: in the recipient's language, its time in the
// recipient's zone (named in words, with the offset) and how long until it starts.
import type { Locale } from "@/lib/i18n/routing";
import { zoneLabel } from "@/lib/time/zone-names";
import { dayKey, formatClock, formatDay, formatShortDate, intlLocale } from "@/lib/time/zones";
import { renderMail, type MailContent } from "./templates";

export type ReminderReason = "bookmark" | "speaker";

export interface ReminderArgs {
  locale: Locale;
  name: string;
  sessionTitle: string;
  forumTitle: string;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  now: Date;
  reason: ReminderReason;
  /** The session's page, and My conference where reminders are set. */
  url: string;
  settingsUrl: string;
}

interface Wording {
  subject: (inTime: string, title: string) => string;
  intro: (title: string, forum: string, event: string, inTime: string) => string;
  when: (time: string) => string;
  reason: Record<ReminderReason, string>;
  settings: (url: string) => string;
  label: string;
}

const wording: Record<Locale, Wording> = {
  ko: {
    subject: (inTime, title) => `${inTime} 시작: ${title}`,
    intro: (title, forum, event, inTime) => `${inTime} 세션이 시작됩니다: “${title}” (${forum}, ${event})`,
    when: (time) => `시간: ${time}`,
    reason: { bookmark: "내 일정에 저장하신 세션이라 알려 드립니다.", speaker: "이 세션의 발표자로 등록되어 있어 알려 드립니다." },
    settings: (url) => `알림을 받을 시점은 ‘나의 회의’에서 바꾸거나 끌 수 있습니다: ${url}`,
    label: "세션 페이지 열기",
  },
  zh: {
    subject: (inTime, title) => `${inTime}开始：${title}`,
    intro: (title, forum, event, inTime) => `“${event}”${forum}的场次“${title}”将于${inTime}开始。`,
    when: (time) => `时间：${time}`,
    reason: { bookmark: "您已将此场次加入“我的议程”，因此收到本提醒。", speaker: "您是此场次的发言人，因此收到本提醒。" },
    settings: (url) => `可在“我的会议”中更改或关闭提醒：${url}`,
    label: "打开场次页面",
  },
  en: {
    subject: (inTime, title) => `Starting ${inTime}: ${title}`,
    intro: (title, forum, event, inTime) => `“${title}” (${forum}, ${event}) starts ${inTime}.`,
    when: (time) => `Time: ${time}`,
    reason: { bookmark: "You get this reminder because you saved this session to My agenda.", speaker: "You get this reminder because you speak in this session." },
    settings: (url) => `Change or turn off reminders on My conference: ${url}`,
    label: "Open the session page",
  },
};

/** "in 15 minutes" / "15분 후" / "15分钟后", in hours from two hours on. */
function untilStart(startsAt: Date, now: Date, intl: string): string {
  const minutes = Math.max(1, Math.round((startsAt.getTime() - now.getTime()) / 60_000));
  const rtf = new Intl.RelativeTimeFormat(intl, { numeric: "always" });
  return minutes >= 120 ? rtf.format(Math.round(minutes / 60), "hour") : rtf.format(minutes, "minute");
}

export function sessionReminderMail(a: ReminderArgs): MailContent {
  const w = wording[a.locale];
  const inTime = untilStart(a.startsAt, a.now, intlLocale[a.locale]);
  const zone = a.timeZone;
  // An end after midnight names its own day, as every time is shown with the date it falls on.
  const end = dayKey(a.endsAt, zone) === dayKey(a.startsAt, zone) ? formatClock(a.endsAt, zone) : `${formatShortDate(a.endsAt, zone, a.locale)} ${formatClock(a.endsAt, zone)}`;
  const time = `${formatDay(a.startsAt, zone, a.locale)} ${formatClock(a.startsAt, zone)}–${end} (${zoneLabel(zone, a.locale, a.startsAt)})`;
  return renderMail(a.locale, a.url, a.name, {
    subject: w.subject(inTime, a.sessionTitle),
    paragraphs: [w.intro(a.sessionTitle, a.forumTitle, a.eventTitle, inTime), w.when(time), w.reason[a.reason]],
    label: w.label,
    note: w.settings(a.settingsUrl),
  });
}
