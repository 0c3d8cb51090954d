"use client";
// The meeting's chat: LiveKit data messages between the two people, not stored (a meeting keeps no
// record). The sender shown is the one LiveKit asserts, never a name a client wrote.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useChat } from "@livekit/components-react";
import { inputClass } from "@/components/ui/field";

export function MeetingChat({ id }: { id: string }) {
  const t = useTranslations("room.chat");
  const tabs = useTranslations("room.tabs");
  const { chatMessages, send, isSending } = useChat();
  const [text, setText] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    await send(message);
    setText("");
  };
  return (
    <section id={id} aria-label={tabs("chat")} className="flex min-h-0 flex-1 flex-col bg-white text-slate-900">
      <ol aria-label={t("log")} aria-live="polite" className="min-h-0 flex-1 space-y-2 overflow-y-auto p-3" data-testid="meeting-chat-log">
        {chatMessages.length === 0 && <li className="text-sm text-slate-600">{t("empty")}</li>}
        {chatMessages.map((m) => (
          <li key={m.id} className="text-sm" data-testid="chat-message">
            <span className="font-semibold">{m.from?.name || m.from?.identity || t("someone")}</span>: <span className="whitespace-pre-wrap">{m.message}</span>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="flex gap-2 border-t border-slate-200 p-2">
        <label className="sr-only" htmlFor={`${id}-message`}>
          {t("message")}
        </label>
        <input id={`${id}-message`} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} className={`${inputClass} mt-0`} autoComplete="off" />
        <button type="submit" disabled={isSending} className="rounded bg-sky-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {t("send")}
        </button>
      </form>
    </section>
  );
}
