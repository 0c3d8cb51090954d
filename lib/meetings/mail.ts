// The meetings' mail, as pure data: a request (to the invitee), its answer (to the requester) and a
// meeting called off (to the other person). Each in the recipient's language, the time in their own
// zone (named, with its offset) and in the event's zones beside it.
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { Locale } from "@/lib/i18n/routing";
import { renderMail, type MailContent } from "@/lib/mail/templates";
import { meetingTime, zoneTimes } from "./times";

// "cancelledByOrganizer": the event's organizers called it off, so neither person did (both are told).
export type MeetingMailKind = "requested" | "accepted" | "declined" | "cancelled" | "cancelledByOrganizer";

export interface MeetingMailArgs {
  kind: MeetingMailKind;
  locale: Locale;
  /** The recipient, and the other person as the recipient reads their name. */
  name: string;
  other: string;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  /** The recipient's own zone, and the event's displayed zones in the recipient's language. */
  timeZone: string;
  zones: ShownZone[];
  note: string;
  /** The event's meetings page, where the request is answered and the room opened. */
  url: string;
}

interface Wording {
  subject: Record<MeetingMailKind, (other: string) => string>;
  intro: Record<MeetingMailKind, (other: string, event: string) => string>;
  when: (time: string) => string;
  elsewhere: (times: string) => string;
  note: (note: string) => string;
  label: Record<MeetingMailKind, string>;
  calendar: string;
}

const wording: Record<Locale, Wording> = {
  ko: {
    subject: {
      requested: (o) => `${o} 님의 1:1 면담 요청`,
      accepted: (o) => `${o} 님이 1:1 면담을 수락했습니다`,
      declined: (o) => `${o} 님이 1:1 면담을 거절했습니다`,
      cancelled: (o) => `${o} 님과의 1:1 면담이 취소되었습니다`,
      cancelledByOrganizer: (o) => `${o} 님과의 1:1 면담이 취소되었습니다`,
    },
    intro: {
      requested: (o, e) => `${e}에서 ${o} 님이 1:1 면담을 요청했습니다. 아래 링크에서 수락하거나 거절해 주세요.`,
      accepted: (o, e) => `${e}에서 요청하신 1:1 면담을 ${o} 님이 수락했습니다. 시작 10분 전부터 면담 회의실에 들어갈 수 있습니다.`,
      declined: (o, e) => `${e}에서 요청하신 1:1 면담을 ${o} 님이 거절했습니다.`,
      cancelled: (o, e) => `${e}에서 ${o} 님과 잡혀 있던 1:1 면담이 취소되었습니다.`,
      cancelledByOrganizer: (o, e) => `${e}에서 ${o} 님과 잡혀 있던 1:1 면담을 행사 주최자가 취소했습니다. 궁금한 점은 주최자에게 문의해 주세요.`,
    },
    when: (t) => `시간: ${t}`,
    elsewhere: (t) => `행사 시간대로: ${t}`,
    note: (n) => `메모: ${n}`,
    label: { requested: "면담 요청 보기", accepted: "내 면담 보기", declined: "내 면담 보기", cancelled: "내 면담 보기", cancelledByOrganizer: "내 면담 보기" },
    calendar: "첨부한 캘린더 파일로 일정에 추가할 수 있습니다.",
  },
  zh: {
    subject: {
      requested: (o) => `${o}请求与您一对一会谈`,
      accepted: (o) => `${o}已接受一对一会谈`,
      declined: (o) => `${o}已拒绝一对一会谈`,
      cancelled: (o) => `与${o}的一对一会谈已取消`,
      cancelledByOrganizer: (o) => `与${o}的一对一会谈已取消`,
    },
    intro: {
      requested: (o, e) => `在“${e}”上，${o}请求与您进行一对一会谈。请通过下方链接接受或拒绝。`,
      accepted: (o, e) => `您在“${e}”上请求的一对一会谈已被${o}接受。开始前10分钟即可进入会谈会议室。`,
      declined: (o, e) => `您在“${e}”上请求的一对一会谈已被${o}拒绝。`,
      cancelled: (o, e) => `您在“${e}”上与${o}约定的一对一会谈已取消。`,
      cancelledByOrganizer: (o, e) => `您在“${e}”上与${o}约定的一对一会谈已由会议主办方取消。如有疑问，请联系主办方。`,
    },
    when: (t) => `时间：${t}`,
    elsewhere: (t) => `会议时区：${t}`,
    note: (n) => `留言：${n}`,
    label: { requested: "查看会谈请求", accepted: "查看我的会谈", declined: "查看我的会谈", cancelled: "查看我的会谈", cancelledByOrganizer: "查看我的会谈" },
    calendar: "可用附件中的日历文件将其加入您的日历。",
  },
  en: {
    subject: {
      requested: (o) => `${o} asks you for a one-to-one meeting`,
      accepted: (o) => `${o} accepted your one-to-one meeting`,
      declined: (o) => `${o} declined your one-to-one meeting`,
      cancelled: (o) => `Your one-to-one meeting with ${o} is cancelled`,
      cancelledByOrganizer: (o) => `Your one-to-one meeting with ${o} is cancelled`,
    },
    intro: {
      requested: (o, e) => `${o} asks you for a one-to-one meeting at ${e}. Accept or decline it from the link below.`,
      accepted: (o, e) => `${o} accepted the one-to-one meeting you asked for at ${e}. Its room opens 10 minutes before the start.`,
      declined: (o, e) => `${o} declined the one-to-one meeting you asked for at ${e}.`,
      cancelled: (o, e) => `Your one-to-one meeting with ${o} at ${e} is cancelled.`,
      cancelledByOrganizer: (o, e) => `The organizers of ${e} have cancelled your one-to-one meeting with ${o}. Please ask them if you have any questions.`,
    },
    when: (t) => `Time: ${t}`,
    elsewhere: (t) => `In the event's zones: ${t}`,
    note: (n) => `Note: ${n}`,
    label: { requested: "Answer the request", accepted: "Open my meetings", declined: "Open my meetings", cancelled: "Open my meetings", cancelledByOrganizer: "Open my meetings" },
    calendar: "The attached calendar file adds it to your calendar.",
  },
};

export function meetingMail(a: MeetingMailArgs): MailContent {
  const w = wording[a.locale];
  const paragraphs = [w.intro[a.kind](a.other, a.eventTitle), w.when(meetingTime(a.startsAt, a.endsAt, a.timeZone, a.locale))];
  if (a.zones.length) paragraphs.push(w.elsewhere(zoneTimes(a.startsAt, a.endsAt, a.zones, a.locale)));
  if (a.note && a.kind === "requested") paragraphs.push(w.note(a.note));
  const withCalendar = a.kind === "accepted" || a.kind === "cancelled" || a.kind === "cancelledByOrganizer";
  return renderMail(a.locale, a.url, a.name, { subject: w.subject[a.kind](a.other), paragraphs, label: w.label[a.kind], note: withCalendar ? w.calendar : undefined });
}
