"use client";
// "Copy link to this moment": this page's address with ?t= at the video's current second. Where
// the clipboard is refused, the link is shown selected for copying by hand.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export function CopyMoment({ seconds }: { seconds: () => number }) {
  const t = useTranslations("player");
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState<string | null>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const url = new URL(window.location.href);
    url.searchParams.set("t", String(Math.floor(seconds())));
    url.hash = "";
    try {
      await navigator.clipboard.writeText(url.toString());
      setManual(null);
      setCopied(true);
    } catch {
      setManual(url.toString());
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded border border-sky-900 px-3 py-1.5 text-sm text-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        data-testid="copy-moment"
      >
        {t("copyLink")}
      </button>
      <span role="status" className="text-sm text-emerald-800">
        {copied ? t("copied") : ""}
      </span>
      {manual && (
        <label className="block w-full text-sm">
          {t("copyByHand")}
          <input readOnly value={manual} onFocus={(e) => e.currentTarget.select()} autoFocus className="mt-1 block w-full rounded border border-slate-400 px-2 py-1" />
        </label>
      )}
    </div>
  );
}
