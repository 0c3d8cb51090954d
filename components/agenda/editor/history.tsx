// A record's history from the audit log: when (with the date, in the event's zone, named), who,
// what in words, and which fields.
import { getTranslations } from "next-intl/server";
import { describeAudit } from "@/lib/audit/actions";
import type { Locale } from "@/lib/i18n/routing";
import { zoneCity } from "@/lib/time/zone-names";
import { formatClock, formatShortDate, offsetLabel } from "@/lib/time/zones";

interface Entry {
  id: string;
  action: string;
  data: unknown;
  at: Date;
  actor: string | null;
  fields: string[];
}

export async function History({ entries, zone, locale }: { entries: Entry[]; zone: string; locale: Locale }) {
  const t = await getTranslations("editor.history");
  const ta = await getTranslations("audit");
  const tf = await getTranslations("editor.publish.fields");
  return (
    <section aria-labelledby="history-title" className="space-y-2" data-testid="history">
      <h2 id="history-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {entries.length > 0 && <p className="text-sm text-slate-700">{t("zone", { zone: `${zoneCity(zone, locale)} (${offsetLabel(entries[0].at, zone)})` })}</p>}
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {entries.map((e) => {
            const words = describeAudit(e.action, e.data);
            return (
              <li key={e.id} data-action={e.action}>
                <time dateTime={e.at.toISOString()} className="text-slate-600">
                  {formatShortDate(e.at, zone, locale)} {formatClock(e.at, zone)}
                </time>{" "}
                <span className="font-medium">{e.actor ?? t("system")}</span> — <span data-testid="history-action">{ta(words.key, words.values)}</span>
                {e.fields.length > 0 && <span className="text-slate-700"> ({e.fields.map((f) => (tf.has(f) ? tf(f) : f)).join(", ")})</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
