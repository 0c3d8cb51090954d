"use client";
// Speakers, moderators and interpreters of a session: registered people picked by search, or
// guests typed in; ordered with up/down buttons; bios in three languages and a photo.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import type { SpeakerInput } from "@/lib/agenda/editor/schema";
import { pickText, type LocalizedText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { LocalizedFields } from "./localized-fields";

export interface PersonHit {
  userId: string;
  name: string;
  nameLatin: string | null;
  role: string;
  organizationKey: string;
  organizationName: LocalizedText | null;
}

export interface OrgChoice {
  key: string;
  name: LocalizedText;
}

const emptyBio = { ko: "", zh: "", en: "" };
const buttonClass = "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-40";

export function SpeakersEditor({
  speakers,
  onChange,
  organizations,
  search,
  errorIndex,
  photoEndpoint,
}: {
  speakers: SpeakerInput[];
  onChange: (s: SpeakerInput[]) => void;
  organizations: OrgChoice[];
  search: (q: string) => Promise<ActionResult<PersonHit[]>>;
  errorIndex?: number;
  /** Where photos are uploaded (POST, raw body); answers {"url"}. */
  photoEndpoint: string;
}) {
  const t = useTranslations("editor.speakers");
  const locale = useLocale() as Locale;
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [searching, startSearch] = useTransition();
  const [photoState, setPhotoState] = useState<{ index: number; state: "uploading" | "failed" } | null>(null);
  const uploadPhoto = async (i: number, file: File) => {
    setPhotoState({ index: i, state: "uploading" });
    const res = await fetch(photoEndpoint, { method: "POST", body: file, headers: { "x-file-name": encodeURIComponent(file.name) } }).catch(() => null);
    if (!res?.ok) return setPhotoState({ index: i, state: "failed" });
    update(i, { photoUrl: ((await res.json()) as { url: string }).url });
    setPhotoState(null);
  };
  const update = (i: number, patch: Partial<SpeakerInput>) => onChange(speakers.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...speakers];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  const add = (s: SpeakerInput) => onChange([...speakers, s]);
  const runSearch = () =>
    startSearch(async () => {
      const found = await search(query);
      setHits(found.ok ? found.data : []);
    });

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
      <ol className="space-y-3">
        {speakers.map((s, i) => (
          <li key={i} className={`rounded border p-3 ${errorIndex === i ? "border-red-700" : "border-slate-300"}`} data-testid="speaker-row">
            <div className="flex flex-wrap items-end gap-2">
              <div className="min-w-48 flex-1">
                <label htmlFor={`sp-${i}-name`} className="block text-xs text-slate-700">
                  {s.userId ? t("registered") : t("guestName")}
                </label>
                <input id={`sp-${i}-name`} value={s.name} readOnly={!!s.userId} onChange={(e) => update(i, { name: e.target.value })} className={inputClass} />
              </div>
              {!s.userId && (
                <div className="min-w-40 flex-1">
                  <label htmlFor={`sp-${i}-latin`} className="block text-xs text-slate-700">
                    {t("nameLatin")}
                  </label>
                  <input id={`sp-${i}-latin`} value={s.nameLatin} onChange={(e) => update(i, { nameLatin: e.target.value })} className={inputClass} />
                </div>
              )}
              <div>
                <label htmlFor={`sp-${i}-role`} className="block text-xs text-slate-700">
                  {t("role")}
                </label>
                <select id={`sp-${i}-role`} value={s.role} onChange={(e) => update(i, { role: e.target.value as SpeakerInput["role"] })} className={inputClass}>
                  {(["speaker", "moderator", "interpreter"] as const).map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`sp-${i}-org`} className="block text-xs text-slate-700">
                  {t("organization")}
                </label>
                <select id={`sp-${i}-org`} value={s.organizationKey} onChange={(e) => update(i, { organizationKey: e.target.value })} className={inputClass}>
                  <option value="">{s.userId ? t("theirOrganization") : t("noOrganization")}</option>
                  {organizations.map((o) => (
                    <option key={o.key} value={o.key}>
                      {pickText(o.name, locale)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex gap-1">
                <button type="button" className={buttonClass} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("moveUp", { name: s.name })}>
                  ↑
                </button>
                <button type="button" className={buttonClass} disabled={i === speakers.length - 1} onClick={() => move(i, 1)} aria-label={t("moveDown", { name: s.name })}>
                  ↓
                </button>
                <button type="button" className={buttonClass} onClick={() => onChange(speakers.filter((_, j) => j !== i))} aria-label={t("remove", { name: s.name })}>
                  ✕
                </button>
              </div>
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-sky-900">{t("bioAndPhoto")}</summary>
              <div className="mt-2 space-y-2">
                <LocalizedFields name={`sp-${i}-bio`} label={t("bio")} value={s.bio} onChange={(bio) => update(i, { bio })} multiline />
                <div className="flex flex-wrap items-end gap-3">
                  {s.photoUrl && (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={s.photoUrl} alt={t("photoOf", { name: s.name })} width={56} height={56} referrerPolicy="no-referrer" className="size-14 rounded-full object-cover" />
                  )}
                  <div className="min-w-48 flex-1">
                    <label htmlFor={`sp-${i}-photo`} className="block text-xs text-slate-700">
                      {t("photoUrl")}
                    </label>
                    <input id={`sp-${i}-photo`} type="url" value={s.photoUrl} placeholder="https://…" onChange={(e) => update(i, { photoUrl: e.target.value })} className={inputClass} />
                  </div>
                  <div>
                    <label htmlFor={`sp-${i}-photo-file`} className="block text-xs text-slate-700">
                      {t("photoUpload")}
                    </label>
                    <input id={`sp-${i}-photo-file`} type="file" accept="image/png,image/jpeg" onChange={(e) => e.target.files?.[0] && uploadPhoto(i, e.target.files[0])} className="text-sm" />
                  </div>
                </div>
                {photoState?.index === i && (
                  <p role={photoState.state === "failed" ? "alert" : "status"} className={photoState.state === "failed" ? "text-sm text-red-800" : "text-sm"}>
                    {t(photoState.state === "failed" ? "photoFailed" : "photoUploading")}
                  </p>
                )}
              </div>
            </details>
          </li>
        ))}
      </ol>

      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor="speaker-search" className="block text-xs text-slate-700">
            {t("search")}
          </label>
          <input
            id="speaker-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                runSearch();
              }
            }}
            className={inputClass}
          />
        </div>
        <button type="button" className={buttonClass} onClick={runSearch} aria-busy={searching}>
          {t("find")}
        </button>
        <button type="button" className={buttonClass} onClick={() => add({ userId: null, name: "", nameLatin: "", organizationKey: "", role: "speaker", bio: emptyBio, photoUrl: "" })}>
          {t("addGuest")}
        </button>
      </div>
      {hits && (
        <ul className="space-y-1" aria-live="polite" data-testid="speaker-hits">
          {hits.length === 0 && <li className="text-sm text-slate-600">{t("noHits")}</li>}
          {hits.map((h) => (
            <li key={h.userId}>
              <button
                type="button"
                className="text-left text-sky-900 underline"
                onClick={() => {
                  add({ userId: h.userId, name: h.name, nameLatin: h.nameLatin ?? "", organizationKey: "", role: h.role === "interpreter" ? "interpreter" : "speaker", bio: emptyBio, photoUrl: "" });
                  setHits(null);
                  setQuery("");
                }}
              >
                {t("addPerson", { name: h.nameLatin && h.nameLatin !== h.name ? `${h.name} (${h.nameLatin})` : h.name, organization: h.organizationName ? pickText(h.organizationName, locale) : "—" })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
