// Draft vs published: whether the public sees the event, which version, and what publishing the
// draft would change (server component; the buttons are client leaves).
import { getTranslations } from "next-intl/server";
import type { AgendaChange } from "@/lib/agenda/publication";
import { publishAgendaAction, unpublishEventAction } from "@/lib/agenda/editor/actions";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { formatShortDate, formatClock } from "@/lib/time/zones";
import { ActionButton } from "./action-button";

export async function PublishPanel({
  slug,
  locale,
  zone,
  state,
}: {
  slug: string;
  locale: Locale;
  zone: string;
  state: { isPublic: boolean; version: number; publishedAt: Date | null; changes: AgendaChange[] };
}) {
  const t = await getTranslations("editor.publish");
  const field = (f: string) => t(`fields.${f}`);
  const line = (c: AgendaChange) =>
    c.kind === "event" ? t("eventChanged", { fields: c.fields.map(field).join(", ") }) : t(`${c.kind}.${c.change}`, { title: pickText(c.title, locale), fields: c.fields.map(field).join(", ") });
  return (
    <section aria-labelledby="publish-title" className="space-y-3 rounded border border-slate-300 bg-white p-4" data-testid="publish-panel">
      <h2 id="publish-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p data-testid="publish-status">
        {state.isPublic ? t("public", { version: state.version }) : t("hidden")}
        {state.publishedAt && ` · ${t("lastPublished", { when: `${formatShortDate(state.publishedAt, zone, locale)} ${formatClock(state.publishedAt, zone)}` })}`}
      </p>
      {state.changes.length ? (
        <div>
          <p className="font-medium">{t("pending", { count: state.changes.length })}</p>
          <ul className="list-disc pl-5 text-sm" data-testid="pending-changes">
            {state.changes.map((c, i) => (
              <li key={i}>{line(c)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-700" data-testid="no-pending">
          {t("upToDate")}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {(state.changes.length > 0 || !state.isPublic) && (
          <ActionButton
            run={publishAgendaAction.bind(null, slug)}
            className="rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60"
          >
            {t("publish")}
          </ActionButton>
        )}
        {state.isPublic && (
          <ActionButton run={unpublishEventAction.bind(null, slug)} confirm={t("unpublishConfirm")}>
            {t("unpublish")}
          </ActionButton>
        )}
      </div>
    </section>
  );
}
