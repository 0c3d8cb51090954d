"use client";
// An organizer calling one meeting off: asks first (both people are mailed and the room closes),
// then reads the page again.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { cancelMeetingAsOrganizerAction } from "@/lib/meetings/actions";

export function OrganizerCancelButton({ slug, id, a, b }: { slug: string; id: string; a: string; b: string }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const run = () => {
    if (!window.confirm(t("console.confirmCancel", { a, b }))) return;
    setMessage(null);
    startTransition(async () => {
      const result = await cancelMeetingAsOrganizerAction(slug, id);
      if (!result.ok) return setMessage({ tone: "error", text: t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unknown") });
      setMessage({ tone: "info", text: t("console.cancelledDone") });
      router.refresh();
    });
  };
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        aria-busy={pending}
        aria-label={t("console.cancelLabel", { a, b })}
        onClick={run}
        className="rounded border border-red-800 px-3 py-1.5 text-sm font-medium text-red-900 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        data-testid="console-meeting-cancel"
      >
        {t("console.cancel")}
      </button>
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-red-800" : "text-slate-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
