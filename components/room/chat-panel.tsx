"use client";
// The room's chat (LiveKit text streams): a log read out politely as messages arrive, and a
// labelled box to write in. The messages live in RoomView, so switching tabs keeps them.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { ReceivedChatMessage } from "@livekit/components-react";
import { inputClass } from "@/components/ui/field";

function time(ts: number) {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(ts);
}

export function ChatPanel({ messages, send, sending }: { messages: ReceivedChatMessage[]; send: (text: string) => Promise<unknown>; sending: boolean }) {
  const t = useTranslations("room.chat");
  const [text, setText] = useState("");
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    try {
      await send(message);
      setText("");
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="flex h-full flex-col gap-2">
      <ol role="log" aria-label={t("log")} aria-live="polite" className="max-h-96 min-h-32 flex-1 space-y-1 overflow-y-auto" data-testid="chat-log">
        {messages.length === 0 && <li className="text-sm text-slate-600">{t("empty")}</li>}
        {messages.map((m) => (
          <li key={m.id} className="text-sm" data-testid="chat-message">
            <span className="font-semibold">{m.from?.name || m.from?.identity || t("someone")}</span>{" "}
            <time className="text-xs text-slate-600" dateTime={new Date(m.timestamp).toISOString()}>
              {time(m.timestamp)}
            </time>
            <p className="whitespace-pre-wrap break-words">{m.message}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="flex items-end gap-2">
        <label className="flex-1 text-sm font-medium">
          {t("message")}
          <input className={inputClass} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} autoComplete="off" />
        </label>
        <button type="submit" disabled={sending} className="rounded bg-sky-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {t("send")}
        </button>
      </form>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("failed")}
        </p>
      )}
    </div>
  );
}
