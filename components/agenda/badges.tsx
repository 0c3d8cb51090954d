// Small labels: session status, kind and language (the .badge class is in app/globals.css).
import { getTranslations } from "next-intl/server";
import type { SessionKind, SessionStatus } from "@/lib/agenda/types";
import type { Locale } from "@/lib/i18n/routing";
import { statusTone } from "./status-tone";

const base = "badge";

export async function StatusBadge({ status }: { status: SessionStatus }) {
  const t = await getTranslations("statuses");
  return <span className={`${base} ${statusTone[status]}`}>{t(status)}</span>;
}

export async function KindBadge({ kind }: { kind: SessionKind }) {
  const t = await getTranslations("kinds");
  return <span className={`${base} badge-kind`}>{t(kind)}</span>;
}

export async function LanguageBadge({ language }: { language: Locale }) {
  const t = await getTranslations("languages");
  return (
    <span className={`${base} badge-lang`} data-testid="session-language">
      {t(language)}
    </span>
  );
}
