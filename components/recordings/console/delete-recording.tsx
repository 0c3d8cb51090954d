"use client";
// Deletes a recording after the organizer confirms that its file goes too.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionFailure } from "@/lib/http/action-result";
import { deleteRecordingAction } from "@/lib/recordings/actions";
import { useErrorText } from "./use-error-text";

export function DeleteRecording({ id, label }: { id: string; label: string }) {
  const t = useTranslations("recordingsConsole.delete");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    const outcome = await deleteRecordingAction(id).catch((): ActionFailure => ({ ok: false, error: "invalidInput" }));
    setError(outcome.ok ? null : errorText(outcome.error));
    if (outcome.ok) router.refresh();
  }

  return (
    <form action={remove} className="space-y-1">
      <ConfirmButton message={t("confirm", { title: label })} className="rounded border border-red-700 px-3 py-1.5 text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700">
        <span aria-hidden="true">{t("button")}</span>
        <span className="sr-only">{t("label", { title: label })}</span>
      </ConfirmButton>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
