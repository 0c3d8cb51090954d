"use client";
// A button that runs one editor action (publish, move, delete…), optionally after a confirmation,
// and shows its error in the user's language.
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useRouter } from "@/lib/i18n/navigation";

export function ActionButton({
  run,
  confirm,
  children,
  className,
  label,
  after,
}: {
  run: () => Promise<ActionResult<unknown>>;
  confirm?: string;
  children: ReactNode;
  className?: string;
  label?: string;
  after?: string;
}) {
  const t = useTranslations("editor");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        aria-label={label}
        disabled={pending}
        aria-busy={pending}
        className={className ?? "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700 disabled:opacity-50"}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const r = await run();
            setError(r.ok ? null : r.error);
            if (r.ok) {
              if (after) router.push(after);
              else router.refresh();
            }
          });
        }}
      >
        {children}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {t(`errors.${error}`, { row: 1 })}
        </span>
      )}
    </span>
  );
}
