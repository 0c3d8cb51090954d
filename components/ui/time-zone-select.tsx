"use client";
// A time-zone picker in the page's language: each zone by its place and offset ("로스앤젤레스
// (UTC-8)"), the given and common zones first, and a search box that narrows the list by the
// local or English place or the IANA name. Uncontrolled (pre-filled from `initial`, else the
// browser's zone) or controlled (`value` + `onChange`). The list comes from GET /api/time-zones
// after hydration (the server's CLDR names the cities browsers leave in English; built from the
// browser's own data if that fails); until then only the current choice is rendered.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { useBrowserZone } from "@/components/agenda/day-context";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/routing";
import { canonicalZone, searchZones, zoneOption, zoneOptions, type ZoneOption } from "@/lib/time/zone-names";

type Lists = { common: ZoneOption[]; others: ZoneOption[] };

// One request per language for every picker of the page (the event editor has several).
const requests = new Map<string, Promise<Lists>>();
function zoneLists(locale: string): Promise<Lists> {
  let request = requests.get(locale);
  if (!request) {
    request = fetch(`/api/time-zones?lang=${locale}`).then((res) => (res.ok ? (res.json() as Promise<Lists>) : Promise.reject(new Error(String(res.status)))));
    // A failure is not kept: the next picker asks again.
    request.catch(() => requests.delete(locale));
    requests.set(locale, request);
  }
  return request;
}

const canonical = (zone: string) => canonicalZone(zone) ?? zone;

/** The server's lists with `first` (the event's zones, the browser's) moved to the top. */
function withFirst(lists: Lists, first: string[]): Lists {
  const all = [...lists.common, ...lists.others];
  const byName = new Map(all.map((o) => [canonical(o.value), o]));
  const top = [...new Set(first.map(canonical))].flatMap((z) => byName.get(z) ?? []);
  const taken = new Set(top.map((o) => o.value));
  return { common: [...top, ...lists.common.filter((o) => !taken.has(o.value))], others: lists.others.filter((o) => !taken.has(o.value)) };
}

interface Props {
  "id": string;
  "name"?: string;
  "initial"?: string;
  "value"?: string;
  "onChange"?: (zone: string) => void;
  /** Zones to offer on top (the event's own, its displayed zones). */
  "first"?: string[];
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

export function TimeZoneSelect({ id, name, initial, value: controlled, onChange, first = [], ...a11y }: Props) {
  const t = useTranslations("time");
  const locale = useLocale() as Locale;
  const browser = useBrowserZone();
  const [served, setServed] = useState<Lists | "failed" | null>(null);
  const [chosen, setChosen] = useState<string | null>(initial || null);
  const [query, setQuery] = useState("");
  const searchId = useId();
  const value = controlled ?? chosen ?? browser ?? "UTC";
  const firstKey = [...first, browser ?? ""].join(",");
  useEffect(() => {
    let gone = false;
    zoneLists(locale)
      .then((lists) => !gone && setServed(lists))
      .catch(() => !gone && setServed("failed"));
    return () => {
      gone = true;
    };
  }, [locale]);
  const lists = useMemo(() => {
    const top = firstKey.split(",").filter(Boolean);
    if (served === null) return null;
    return served === "failed" ? zoneOptions(Intl.supportedValuesOf("timeZone"), locale, new Date(), top) : withFirst(served, top);
  }, [served, locale, firstKey]);
  const change = (zone: string) => {
    setChosen(zone);
    onChange?.(zone);
  };
  if (!lists) {
    return (
      <select id={id} name={name} value={value} onChange={(e) => change(e.target.value)} className={inputClass} {...a11y}>
        <option value={value}>{value}</option>
      </select>
    );
  }
  const all = [...lists.common, ...lists.others];
  const current: ZoneOption = all.find((o) => o.value === value) ?? zoneOption(value, locale, new Date());
  const keep = (list: ZoneOption[]) => searchZones(list, query);
  const common = keep(lists.common);
  const others = keep(lists.others);
  const shown = new Set([...common, ...others].map((o) => o.value));
  return (
    <div className="space-y-1">
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label={t("zoneSearch")}
        aria-controls={id}
        placeholder={t("zoneSearchHint")}
        className={inputClass}
        data-testid="zone-search"
      />
      <select id={id} name={name} value={value} onChange={(e) => change(e.target.value)} className={inputClass} {...a11y}>
        {!shown.has(current.value) && <option value={current.value}>{current.label}</option>}
        {common.length > 0 && (
          <optgroup label={t("commonZones")}>
            {common.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t("allZones")}>
            {others.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {query && (
        <p className="text-xs text-slate-600" role="status">
          {t("zonesFound", { count: shown.size })}
        </p>
      )}
    </div>
  );
}
