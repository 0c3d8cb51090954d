"use client";
// The organizers' setting of an event's one-to-one meetings: off, delegates only, or everyone
// approved (never the audience).
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/field";
import { setMeetingPolicyAction } from "@/lib/meetings/actions";
import { MEETING_POLICIES, type MeetingPolicy } from "@/lib/meetings/rules";

export function MeetingPolicyForm({ slug, policy }: { slug: string; policy: MeetingPolicy }) {
  const t = useTranslations("meetings");
  const [value, setValue] = useState(policy);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await setMeetingPolicyAction(slug, value);
      setMessage(result.ok ? { tone: "info", text: t("settings.saved") } : { tone: "error", text: t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unknown") });
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="meeting-policy-form">
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("settings.legend")}</legend>
        {MEETING_POLICIES.map((p) => (
          <label key={p} className="flex items-center gap-2">
            <input type="radio" name="meetingPolicy" value={p} checked={value === p} onChange={() => setValue(p)} />
            {t(`settings.${p}`)}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-slate-700">{t("settings.hint")}</p>
      {message && <FormAlert tone={message.tone} message={message.text} />}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        className="rounded bg-sky-900 px-4 py-2 font-medium text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
      >
        {t("settings.save")}
      </button>
    </form>
  );
}
