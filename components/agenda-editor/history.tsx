// A record's history from the audit log: when, who, what, which fields.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { formatClock, formatShortDate } from "@/lib/time/zones";

export async function History({ entries, zone, locale }: { entries: { id: string; action: string; at: Date; actor: string | null; fields: string[] }[]; zone: string; locale: Locale }) {
  const t = await getTranslations("editor.history");
  const tf = await getTranslations("editor.publish.fields");
  const known = new Set(["session.created", "session.updated", "session.deleted", "session.shifted", "session.live", "session.ended", "forum.created", "forum.updated", "forum.moved", "event.updated", "material.uploaded", "material.updated", "material.deleted"]);
  return (
    <section aria-labelledby="history-title" className="space-y-2" data-testid="history">
      <h2 id="history-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {entries.map((e) => (
            <li key={e.id} data-action={e.action}>
              <time dateTime={e.at.toISOString()} className="text-slate-600">
                {formatShortDate(e.at, zone, locale)} {formatClock(e.at, zone)}
              </time>{" "}
              <span className="font-medium">{e.actor ?? t("system")}</span> — {known.has(e.action) ? t(`actions.${e.action.replace(".", "_")}`) : e.action}
              {e.fields.length > 0 && <span className="text-slate-700"> ({e.fields.map((f) => (tf.has(f) ? tf(f) : f)).join(", ")})</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
