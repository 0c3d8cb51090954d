"use client";
// Asking for a meeting: find the person (by name or organisation, among those the event's setting
// allows), the start on the viewer's own clock (the same instant in the event's zones shown beside
// it as it is chosen), the length and a note. The server reads the viewer's zone from their
// registration, the one named here, and checks everything again.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition, type FormEvent } from "react";
import { FormAlert, inputClass } from "@/components/ui/field";
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { Locale } from "@/lib/i18n/routing";
import { requestMeetingAction } from "@/lib/meetings/actions";
import { zoneTimes } from "@/lib/meetings/times";
import { MEETING_DURATIONS, NOTE_MAX_LENGTH } from "@/lib/meetings/rules";
import { zonedLocalToUtc } from "@/lib/time/zones";

export interface Candidate {
  userId: string;
  label: string;
}

export function RequestForm({
  slug,
  people,
  zone,
  zoneText,
  min,
  max,
  daysText,
  zones,
}: {
  slug: string;
  people: Candidate[];
  zone: string;
  zoneText: string;
  min: string;
  max: string;
  daysText: string;
  zones: ShownZone[];
}) {
  const t = useTranslations("meetings");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const id = useId();
  const [query, setQuery] = useState("");
  const [inviteeId, setInviteeId] = useState("");
  const [start, setStart] = useState("");
  const [minutes, setMinutes] = useState("30");
  const [note, setNote] = useState("");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return q ? people.filter((p) => p.label.toLocaleLowerCase().includes(q)) : people;
  }, [people, query]);
  const startsAt = start ? zonedLocalToUtc(start, zone) : null;
  const elsewhere = startsAt && zones.length ? zoneTimes(startsAt, new Date(startsAt.getTime() + Number(minutes) * 60_000), zones, locale) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await requestMeetingAction(slug, { inviteeId, start, minutes: Number(minutes), note });
      if (!result.ok) return setMessage({ tone: "error", text: t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unknown") });
      const name = people.find((p) => p.userId === inviteeId)?.label ?? "";
      setMessage({ tone: "info", text: t("form.sent", { name }) });
      setInviteeId("");
      setNote("");
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="max-w-xl space-y-3" data-testid="meeting-request-form">
      <div>
        <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-800">
          {t("form.search")}
        </label>
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-search-hint`} className={inputClass} autoComplete="off" />
        <p id={`${id}-search-hint`} className="mt-1 text-xs text-slate-600">
          {t("form.searchHint")}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-person`} className="block text-sm font-medium text-slate-800">
          {t("form.person")}
        </label>
        <select id={`${id}-person`} required value={inviteeId} onChange={(e) => setInviteeId(e.target.value)} className={inputClass} size={Math.min(6, Math.max(2, shown.length + 1))}>
          <option value="">{shown.length ? t("form.choose") : t("form.noMatch")}</option>
          {shown.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-start`} className="block text-sm font-medium text-slate-800">
          {t("form.time", { zone: zoneText })}
        </label>
        <input
          id={`${id}-start`}
          type="datetime-local"
          required
          step={300}
          min={min}
          max={max}
          value={start}
          onChange={(e) => setStart(e.target.value)}
          aria-describedby={`${id}-days`}
          className={inputClass}
        />
        <p id={`${id}-days`} className="mt-1 text-xs text-slate-600">
          {daysText}
        </p>
        {elsewhere && (
          <p className="mt-1 text-sm text-slate-700" data-testid="meeting-elsewhere" aria-live="polite">
            {t("form.elsewhere")}: {elsewhere}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-minutes`} className="block text-sm font-medium text-slate-800">
          {t("form.duration")}
        </label>
        <select id={`${id}-minutes`} value={minutes} onChange={(e) => setMinutes(e.target.value)} className={inputClass}>
          {MEETING_DURATIONS.map((n) => (
            <option key={n} value={n}>
              {t("form.minutes", { count: n })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
          {t("form.note")}
        </label>
        <textarea id={`${id}-note`} rows={3} maxLength={NOTE_MAX_LENGTH} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-note-hint`} className={inputClass} />
        <p id={`${id}-note-hint`} className="mt-1 text-xs text-slate-600">
          {t("form.noteHint")}
        </p>
      </div>
      {message && <FormAlert tone={message.tone} message={message.text} />}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded bg-sky-900 px-4 py-2 font-medium text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        {pending ? t("form.sending") : t("form.submit")}
      </button>
    </form>
  );
}
