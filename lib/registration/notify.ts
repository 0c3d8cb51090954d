// Mail about registrations, in each recipient's language. Sent after the transaction commits;
// a mail failure is logged and never undoes a registration.
import "server-only";
import { getEnv } from "@/lib/env";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { promotedFromWaitlistMail, registrationDecisionMail, registrationReceivedMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/transport";

export interface Recipient {
  email: string;
  name: string | null;
  locale: Locale;
}

export function myConferenceUrl(locale: Locale) {
  return `${getEnv().PUBLIC_BASE_URL}/${locale}/me`;
}

async function deliver(to: string, build: () => { subject: string; text: string; html: string }) {
  try {
    await sendMail({ to, ...build() });
  } catch (err) {
    console.error(`[mail] could not send to ${to}:`, err);
  }
}

export function notifyReceived(r: Recipient, eventTitle: LocalizedText, status: "approved" | "pending" | "waitlisted") {
  return deliver(r.email, () => registrationReceivedMail({ locale: r.locale, eventTitle: pickText(eventTitle, r.locale), name: r.name ?? r.email, status, url: myConferenceUrl(r.locale) }));
}

export function notifyDecision(r: Recipient, eventTitle: LocalizedText, status: "approved" | "declined" | "waitlisted") {
  return deliver(r.email, () => registrationDecisionMail({ locale: r.locale, eventTitle: pickText(eventTitle, r.locale), name: r.name ?? r.email, status, url: myConferenceUrl(r.locale) }));
}

export function notifyPromoted(r: Recipient, eventTitle: LocalizedText) {
  return deliver(r.email, () => promotedFromWaitlistMail({ locale: r.locale, eventTitle: pickText(eventTitle, r.locale), name: r.name ?? r.email, url: myConferenceUrl(r.locale) }));
}
