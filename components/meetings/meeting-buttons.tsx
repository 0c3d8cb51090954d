"use client";
// What the viewer may do with one meeting (accept, decline, withdraw, cancel), each a server action;
// the page reads the meetings again after a change. Calling off an accepted meeting asks first.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeMeetingAction } from "@/lib/meetings/actions";
import type { MeetingCommand } from "@/lib/meetings/rules";

const tone: Record<MeetingCommand, string> = {
  accept: "bg-sky-900 text-white",
  decline: "border border-slate-500 text-slate-900",
  withdraw: "border border-slate-500 text-slate-900",
  cancel: "border border-red-800 text-red-900",
};

export function MeetingButtons({ id, commands, otherName }: { id: string; commands: MeetingCommand[]; otherName: string }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (command: MeetingCommand) => {
    if (command === "cancel" && !window.confirm(t("actions.confirmCancel", { name: otherName }))) return;
    setError(null);
    startTransition(async () => {
      const result = await changeMeetingAction(id, command);
      if (!result.ok) return setError(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unknown"));
      router.refresh();
    });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {commands.map((c) => (
        <button
          key={c}
          type="button"
          disabled={pending}
          aria-busy={pending}
          onClick={() => run(c)}
          className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 ${tone[c]}`}
          data-testid={`meeting-${c}`}
        >
          {t(`actions.${c}`)}
        </button>
      ))}
      {error && (
        <p role="alert" className="w-full text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
