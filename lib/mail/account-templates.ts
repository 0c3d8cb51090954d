// Localized mail about accounts: sign-in links, confirming a registration's address, a registration
// tried with an address that has an account, and the notice of failed sign-in attempts. Pure data,
// rendered like the registration mails (templates.ts).
import type { Locale } from "@/lib/i18n/routing";
import { renderMail, type Draft, type MailContent } from "./templates";

interface AccountCatalog {
  magicLink: (minutes: number) => Draft;
  confirmRegistration: (title: string, hours: number, newAccount: boolean) => Draft;
  accountExists: (title: string) => Draft;
  signInNotice: (resetUrl: string) => Draft;
}

// All wording of one language in one block, so a translator reviews it in one place.
const ko: AccountCatalog = {
  magicLink: (m) => ({
    subject: "Plenary 로그인 링크",
    paragraphs: [`아래 링크를 눌러 Plenary에 로그인하세요. 이 링크는 ${m}분 동안 한 번만 사용할 수 있습니다.`],
    label: "로그인하기",
    note: "로그인을 요청하지 않으셨다면 이 메일은 무시하셔도 됩니다.",
  }),
  confirmRegistration: (t, h, newAccount) => ({
    subject: `${t} 등록을 확인해 주세요`,
    paragraphs: [
      newAccount
        ? `이 이메일 주소로 ${t} 등록 신청을 받았습니다. 아래 링크를 열고 계정을 만들 때 정한 비밀번호를 입력해 주소를 확인하시면 등록이 접수됩니다.`
        : `이 이메일 주소로 ${t} 등록 신청을 받았습니다. 로그인한 상태에서 아래 링크를 열어 주소를 확인하시면 등록이 접수됩니다.`,
      `링크는 ${h}시간 동안 유효합니다.`,
    ],
    label: "등록 확인하기",
    note: "신청하지 않으셨다면 이 메일을 무시하세요. 확인되지 않은 등록은 접수되지 않습니다.",
  }),
  accountExists: (t) => ({
    subject: `${t} 등록 안내`,
    paragraphs: [
      `누군가(아마도 본인)가 이 이메일 주소로 ${t}에 등록하려고 했습니다. 이 주소로 만든 Plenary 계정이 이미 있으니 먼저 로그인한 뒤 등록해 주세요.`,
      "비밀번호가 기억나지 않으면 로그인 페이지에서 로그인 링크를 받거나 비밀번호를 재설정할 수 있습니다.",
    ],
    label: "로그인하고 등록하기",
    note: "본인이 아니라면 이 메일을 무시하세요. 아무것도 바뀌지 않았습니다.",
  }),
  signInNotice: (reset) => ({
    subject: "Plenary 계정 로그인 실패 안내",
    paragraphs: [
      "누군가 틀린 비밀번호로 회원님의 Plenary 계정에 여러 번 로그인하려고 했습니다. 이런 시도는 갈수록 더 오래 기다려야 다시 할 수 있도록 제한하고 있습니다.",
      "회원님은 계속 로그인하실 수 있습니다. 전에 로그인한 적이 있는 네트워크에서 로그인하거나, 이 주소로 받는 로그인 링크를 이용하세요. 본인이 시도한 것이라면 따로 하실 일은 없습니다.",
      `다른 사람이 비밀번호를 알고 있다고 생각되면 새 비밀번호를 설정하세요: ${reset}`,
    ],
    label: "로그인하기",
  }),
};

const zh: AccountCatalog = {
  magicLink: (m) => ({
    subject: "登录 Plenary",
    paragraphs: [`请点击下方链接登录 Plenary。该链接在 ${m} 分钟内有效，且只能使用一次。`],
    label: "登录",
    note: "如果您没有申请登录，请忽略此邮件。",
  }),
  confirmRegistration: (t, h, newAccount) => ({
    subject: `请确认您的“${t}”注册`,
    paragraphs: [
      newAccount
        ? `我们收到了用此邮箱地址注册参加“${t}”的申请。请打开下方链接，输入您创建账户时设置的密码以确认邮箱地址，确认后注册才会生效。`
        : `我们收到了用此邮箱地址注册参加“${t}”的申请。请在登录状态下打开下方链接确认邮箱地址，确认后注册才会生效。`,
      `链接在 ${h} 小时内有效。`,
    ],
    label: "确认注册",
    note: "如果这不是您本人的操作，请忽略此邮件。未经确认的注册不会生效。",
  }),
  accountExists: (t) => ({
    subject: `关于“${t}”的注册`,
    paragraphs: [`有人（可能是您本人）尝试用此邮箱地址注册参加“${t}”。该地址已有 Plenary 账户，请先登录，再进行注册。`, "如果忘记了密码，可以在登录页面申请登录链接或重置密码。"],
    label: "登录并注册",
    note: "如果这不是您本人的操作，请忽略此邮件，您的账户没有任何变化。",
  }),
  signInNotice: (reset) => ({
    subject: "您的 Plenary 账户多次登录失败",
    paragraphs: [
      "有人多次使用错误的密码尝试登录您的 Plenary 账户。我们正在限制这类尝试：每次失败后，需要等待更长时间才能再试。",
      "您仍可正常登录：在您以前登录过的网络中登录，或使用发送到此邮箱的登录链接。如果是您本人操作，则无需采取任何措施。",
      `如果您认为有人知道了您的密码，请设置新密码：${reset}`,
    ],
    label: "登录",
  }),
};

const en: AccountCatalog = {
  magicLink: (m) => ({
    subject: "Sign in to Plenary",
    paragraphs: [`Use the link below to sign in to Plenary. It works once, for ${m} minutes.`],
    label: "Sign in",
    note: "If you did not ask to sign in, you can safely ignore this email.",
  }),
  confirmRegistration: (t, h, newAccount) => ({
    subject: `Confirm your registration for ${t}`,
    paragraphs: [
      newAccount
        ? `We received a registration for ${t} with this address. Open the link below and enter the password you chose for your new account to confirm the address: the registration counts once it is confirmed.`
        : `We received a registration for ${t} with this address. Open the link below while signed in to confirm the address: the registration counts once it is confirmed.`,
      `The link works for ${h} hours.`,
    ],
    label: "Confirm registration",
    note: "If this was not you, ignore this email: a registration that is not confirmed never counts.",
  }),
  accountExists: (t) => ({
    subject: `Registering for ${t}`,
    paragraphs: [
      `Someone, probably you, tried to register for ${t} with this address. It already has a Plenary account: please sign in first, then register.`,
      "Forgotten your password? The sign-in page sends you a sign-in link or lets you choose a new password.",
    ],
    label: "Sign in and register",
    note: "If this was not you, ignore this email: nothing has changed.",
  }),
  signInNotice: (reset) => ({
    subject: "Failed sign-in attempts on your Plenary account",
    paragraphs: [
      "Someone tried several times to sign in to your Plenary account with a wrong password. Each further attempt of theirs now has to wait longer.",
      "You can still sign in: from a network you have signed in from before, or with a sign-in link sent to this address. If it was you, there is nothing else to do.",
      `If you think someone knows your password, choose a new one: ${reset}`,
    ],
    label: "Sign in",
  }),
};

const catalogs: Record<Locale, AccountCatalog> = { ko, zh, en };

export function magicLinkMail({ url, locale, minutes }: { url: string; locale: Locale; minutes: number }): MailContent {
  return renderMail(locale, url, undefined, catalogs[locale].magicLink(minutes));
}

export function registrationConfirmMail(args: { url: string; locale: Locale; name: string; eventTitle: string; hours: number; newAccount: boolean }): MailContent {
  return renderMail(args.locale, args.url, args.name, catalogs[args.locale].confirmRegistration(args.eventTitle, args.hours, args.newAccount));
}

export function accountExistsMail(args: { url: string; locale: Locale; eventTitle: string }): MailContent {
  return renderMail(args.locale, args.url, undefined, catalogs[args.locale].accountExists(args.eventTitle));
}

export function signInNoticeMail(args: { locale: Locale; signInUrl: string; resetUrl: string }): MailContent {
  return renderMail(args.locale, args.signInUrl, undefined, catalogs[args.locale].signInNotice(args.resetUrl));
}
