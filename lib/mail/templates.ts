// Localized outgoing mail as pure data: each template returns subject, plain text and HTML.
import type { Locale } from "@/lib/i18n/routing";
import { formatLongDateTimeZone, offsetLabel } from "@/lib/time/zones";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

type Status = "approved" | "pending" | "waitlisted" | "declined";
type EventArgs = { locale: Locale; eventTitle: string; name: string; url: string };

export interface Draft {
  subject: string;
  paragraphs: string[];
  label: string;
  note?: string;
}

// All wording of one language sits in one block, so a translator reviews it in one place.
interface Catalog {
  footer: string;
  greeting: (name: string) => string;
  status: Record<Status, string>;
  viewRegistration: string;
  passwordReset: (minutes: number) => Draft;
  invitation: (title: string, until: string) => Draft;
  received: (title: string) => [subject: string, intro: string];
  decided: (title: string) => Record<Exclude<Status, "pending">, string> & { intro: string };
  promoted: (title: string) => [subject: string, intro: string];
}

const ko: Catalog = {
  footer: "Plenary — 온라인 컨퍼런스 플랫폼",
  greeting: (name) => `${name} 님, 안녕하세요.`,
  status: {
    approved: "등록이 확정되었습니다. 세션이 시작되면 바로 참여하실 수 있습니다.",
    pending: "주최자가 등록 신청을 검토하고 있습니다. 결과가 나오면 이메일로 알려 드리겠습니다.",
    waitlisted: "현재 정원이 모두 차서 대기자 명단에 올라 있습니다. 자리가 나면 자동으로 승인되며 이메일로 알려 드리겠습니다.",
    declined: "죄송하지만 주최자가 이번 등록 신청을 승인하지 않았습니다.",
  },
  viewRegistration: "내 등록 정보 보기",
  passwordReset: (m) => ({
    subject: "Plenary 비밀번호 재설정",
    paragraphs: [`Plenary 계정의 비밀번호 재설정 요청을 받았습니다. 아래 링크에서 새 비밀번호를 설정하세요. 링크는 ${m}분 후 만료됩니다.`],
    label: "비밀번호 재설정",
    note: "요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 그대로 유지됩니다.",
  }),
  invitation: (t, until) => ({
    subject: `${t}에 초대되었습니다`,
    paragraphs: [`Plenary에서 열리는 ${t}에 초대되었습니다. 아래 링크에서 초대를 수락하고 등록을 완료해 주세요.`, `초대는 ${until}까지 유효합니다.`],
    label: "초대 수락하기",
  }),
  received: (t) => [`${t} 등록 신청이 접수되었습니다`, `${t}에 등록해 주셔서 감사합니다.`],
  decided: (t) => ({
    intro: `주최자가 ${t} 등록 신청을 검토했습니다.`,
    approved: `${t} 등록이 승인되었습니다`,
    declined: `${t} 등록 신청 결과 안내`,
    waitlisted: `${t} 대기자 명단에 올랐습니다`,
  }),
  promoted: (t) => [`자리가 생겨 ${t} 등록이 승인되었습니다`, `${t}에 자리가 생겨 대기자 명단에 있던 등록이 승인되었습니다.`],
};

const zh: Catalog = {
  footer: "Plenary — 线上会议平台",
  greeting: (name) => `${name}，您好：`,
  status: {
    approved: "您的注册已确认，会议开始后即可参加。",
    pending: "主办方正在审核您的注册申请，审核结果将通过邮件通知您。",
    waitlisted: "目前名额已满，您已进入候补名单。一旦有名额空出，您的注册将自动获批，我们会通过邮件通知您。",
    declined: "很遗憾，主办方未能接受您的此次注册申请。",
  },
  viewRegistration: "查看我的注册",
  passwordReset: (m) => ({
    subject: "重置您的 Plenary 密码",
    paragraphs: [`我们收到了重置您 Plenary 账户密码的请求。请通过下方链接设置新密码，链接将在 ${m} 分钟后失效。`],
    label: "重置密码",
    note: "如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。",
  }),
  invitation: (t, until) => ({
    subject: `诚邀您参加“${t}”`,
    paragraphs: [`诚邀您参加在 Plenary 上举行的“${t}”。请通过下方链接接受邀请并完成注册。`, `邀请有效期至 ${until}。`],
    label: "接受邀请",
  }),
  received: (t) => [`已收到您的“${t}”注册申请`, `感谢您注册参加“${t}”。`],
  decided: (t) => ({
    intro: `主办方已审核您对“${t}”的注册申请。`,
    approved: `您的“${t}”注册已获批准`,
    declined: `您的“${t}”注册结果`,
    waitlisted: `您已进入“${t}”的候补名单`,
  }),
  promoted: (t) => [`“${t}”有名额空出，您的注册已获批准`, `“${t}”有名额空出，您已从候补名单转为正式参会人员。`],
};

const en: Catalog = {
  footer: "Plenary — the virtual conference platform",
  greeting: (name) => `Hello ${name},`,
  status: {
    approved: "Your registration is confirmed. You can join the sessions once they start.",
    pending: "The organizers review each registration. We will email you as soon as they have decided.",
    waitlisted: "The event is full, so you are on the waiting list. If a place becomes free, you will be approved and we will email you.",
    declined: "We are sorry: the organizers could not accept your registration this time.",
  },
  viewRegistration: "View your registration",
  passwordReset: (m) => ({
    subject: "Reset your Plenary password",
    paragraphs: [`We received a request to reset your Plenary password. Choose a new one with the link below; it expires in ${m} minutes.`],
    label: "Reset password",
    note: "If you did not ask for this, ignore this email; your password stays unchanged.",
  }),
  invitation: (t, until) => ({
    subject: `You are invited to ${t}`,
    paragraphs: [`You have been invited to ${t} on Plenary. Accept with the link below to complete your registration.`, `The invitation is valid until ${until}.`],
    label: "Accept invitation",
  }),
  received: (t) => [`Registration received: ${t}`, `Thank you for registering for ${t}.`],
  decided: (t) => ({
    intro: `The organizers have reviewed your registration for ${t}.`,
    approved: `You are approved for ${t}`,
    declined: `Your registration for ${t}`,
    waitlisted: `On the waiting list for ${t}`,
  }),
  promoted: (t) => [`A place is free: you are approved for ${t}`, `A place has become free at ${t}, so you have moved from the waiting list to approved.`],
};

const catalogs: Record<Locale, Catalog> = { ko, zh, en };

export function escapeHtml(value: string): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  return value.replace(/[&<>"']/g, (c) => entities[c]);
}

/** An instant in the recipient's zone, naming the zone and its offset (never the server's TZ). */
export function formatExpiry(instant: Date, timeZone: string, locale: Locale): string {
  return `${formatLongDateTimeZone(instant, timeZone, locale)} (${offsetLabel(instant, timeZone)})`;
}

/** One mail from its wording: greeting (with a name), paragraphs, the link as a button, a note, the footer; as plain text and as HTML. */
export function renderMail(locale: Locale, url: string, name: string | undefined, draft: Draft): MailContent {
  const { footer, greeting } = catalogs[locale];
  // Titles and names are user input; a line break must not split the Subject header.
  const subject = draft.subject.replace(/\s+/g, " ").trim();
  const blocks = name === undefined ? draft.paragraphs : [greeting(name), ...draft.paragraphs];
  const text = [...blocks, `${draft.label}\n${url}`, draft.note, `-- \n${footer}`].filter(Boolean).join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const href = escapeHtml(url);
  const button = "background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none";
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">`,
    ...blocks.map(p),
    `<p style="margin:24px 0"><a href="${href}" style="${button}">${escapeHtml(draft.label)}</a></p>`,
    `<p style="font-size:13px;color:#4b5563;word-break:break-all"><a href="${href}">${href}</a></p>`,
    ...(draft.note ? [p(draft.note)] : []),
    `<hr style="border:none;border-top:1px solid #e5e7eb"><p style="font-size:12px;color:#6b7280">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, text, html };
}

export function passwordResetMail(args: { url: string; locale: Locale; expiresMinutes: number }): MailContent {
  return renderMail(args.locale, args.url, undefined, catalogs[args.locale].passwordReset(args.expiresMinutes));
}

export function invitationMail(args: EventArgs & { expiresAt: Date; timeZone: string }): MailContent {
  const { locale, url, name, eventTitle, expiresAt, timeZone } = args;
  return renderMail(locale, url, name, catalogs[locale].invitation(eventTitle, formatExpiry(expiresAt, timeZone, locale)));
}

function statusMail({ locale, url, name }: EventArgs, subject: string, intro: string, status: Status): MailContent {
  const c = catalogs[locale];
  return renderMail(locale, url, name, { subject, paragraphs: [intro, c.status[status]], label: c.viewRegistration });
}

export function registrationReceivedMail(args: EventArgs & { status: "approved" | "pending" | "waitlisted" }): MailContent {
  const [subject, intro] = catalogs[args.locale].received(args.eventTitle);
  return statusMail(args, subject, intro, args.status);
}

export function registrationDecisionMail(args: EventArgs & { status: "approved" | "declined" | "waitlisted" }): MailContent {
  const decided = catalogs[args.locale].decided(args.eventTitle);
  return statusMail(args, decided[args.status], decided.intro, args.status);
}

export function promotedFromWaitlistMail(args: EventArgs): MailContent {
  const [subject, intro] = catalogs[args.locale].promoted(args.eventTitle);
  return statusMail(args, subject, intro, "approved");
}
