"use client";
// Where a forum is restreamed: each destination's name, ingest URL and the last characters of its
// stream key (the key itself is never shown again once saved), and a form to add one.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { addRestreamDestinationAction, removeRestreamDestinationAction } from "@/lib/broadcast/actions";
import type { RestreamDestinationView } from "@/lib/broadcast/destinations";

export function RestreamDestinations({ forumId, destinations, onChanged }: { forumId: string; destinations: RestreamDestinationView[]; onChanged: () => void }) {
  const t = useTranslations("broadcast");
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const say = (key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalidInput"));

  const add = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const result = await addRestreamDestinationAction(forumId, { label: String(data.get("label") ?? ""), url: String(data.get("url") ?? ""), streamKey: String(data.get("streamKey") ?? "") });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    form.current?.reset();
    onChanged();
  };

  const remove = async (destination: RestreamDestinationView) => {
    if (!window.confirm(t("restream.removeConfirm", { label: destination.label }))) return;
    setBusy(true);
    const result = await removeRestreamDestinationAction(destination.id);
    setBusy(false);
    if (!result.ok) setError(result.error);
    onChanged();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2" data-testid="restream-destinations">
      <h3 id={`${id}-heading`} className="font-semibold">
        {t("restream.heading")}
      </h3>
      <p className="text-sm text-slate-700">{t("restream.intro")}</p>
      {destinations.length > 0 ? (
        <ul className="space-y-1">
          {destinations.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid="restream-destination">
              <span className="font-medium">{d.label}</span>
              <span className="break-all text-slate-700">{d.url}</span>
              <span className="text-slate-700" data-testid="restream-key-hint">
                {t("restream.keyEndsWith", { hint: d.keyHint })}
              </span>
              <button type="button" disabled={busy} onClick={() => void remove(d)} className="ml-auto underline">
                {t("restream.remove", { label: d.label })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("restream.none")}</p>
      )}
      <form ref={form} onSubmit={add} className="grid gap-2 sm:grid-cols-3" data-testid="restream-form">
        <label className="flex flex-col text-sm">
          {t("restream.label")}
          <input name="label" required maxLength={80} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col text-sm">
          {t("restream.url")}
          <input name="url" required type="url" inputMode="url" placeholder="rtmps://a.rtmp.youtube.com/live2" className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col text-sm">
          {t("restream.key")}
          <input name="streamKey" required type="password" autoComplete="off" className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <div className="sm:col-span-3">
          <button type="submit" disabled={busy} className="rounded border border-slate-400 px-3 py-1.5 font-semibold disabled:opacity-60" data-testid="restream-add">
            {t("restream.add")}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="restream-error">
          {say(error)}
        </p>
      )}
    </section>
  );
}
