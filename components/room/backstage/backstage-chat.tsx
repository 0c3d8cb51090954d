"use client";
// Chat in the backstage room, between those waiting and the organizers who come backstage. Only
// the people in this room receive it (the stage never does), and each message's author is the
// participant LiveKit delivered it from, whose name only the server writes. Not kept: backstage
// talk is for the moment.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useChat } from "@livekit/components-react";
import { inputClass } from "@/components/ui/field";
import { CHAT_MAX_LENGTH } from "@/lib/chat/message";
import { formatBrowserClock } from "@/lib/time/zones";

export function BackstageChat() {
  const t = useTranslations("backstage.chat");
  const { chatMessages, send, isSending } = useChat();
  const [text, setText] = useState("");
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message || isSending) return;
    try {
      await send(message);
      setText("");
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <section aria-labelledby="backstage-chat-title" className="flex min-h-0 flex-col gap-2">
      <h2 id="backstage-chat-title" className="font-semibold">
        {t("title")}
      </h2>
      {/* The log is a live region around a list, so the list keeps its list semantics. */}
      <div role="log" aria-live="polite" aria-labelledby="backstage-chat-title" className="max-h-72 min-h-24 overflow-y-auto" data-testid="backstage-chat-log">
        {chatMessages.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
        <ol className="space-y-2">
          {chatMessages.map((m) => (
            <li key={m.id} className="text-sm" data-testid="backstage-chat-message">
              <span className="font-semibold">{m.from?.name || m.from?.identity}</span> <span className="text-slate-600">{formatBrowserClock(new Date(m.timestamp))}</span>
              <p className="whitespace-pre-wrap break-words">{m.message}</p>
            </li>
          ))}
        </ol>
      </div>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("failed")}
        </p>
      )}
      <form onSubmit={submit} className="flex gap-2">
        <label className="sr-only" htmlFor="backstage-chat-input">
          {t("label")}
        </label>
        <input id="backstage-chat-input" value={text} maxLength={CHAT_MAX_LENGTH} onChange={(e) => setText(e.target.value)} className={`${inputClass} min-w-0 flex-1`} autoComplete="off" />
        <button type="submit" disabled={isSending || !text.trim()} className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white disabled:opacity-50">
          {t("send")}
        </button>
      </form>
    </section>
  );
}
