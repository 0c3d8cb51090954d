"use client";
// The room's chat: the forum room's messages (kept by the server, so a late joiner reads earlier
// ones), read out politely as they arrive, and a labelled box to write in. Organizers may delete
// a message for everyone.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { CHAT_MAX_LENGTH } from "@/lib/chat/message";
import { formatBrowserClock } from "@/lib/time/zones";
import { useRoomInfo } from "./room-info";
import type { RoomChat } from "./use-room-chat";

function time(iso: string) {
  return formatBrowserClock(new Date(iso));
}

export function ChatPanel({ chat }: { chat: RoomChat }) {
  const t = useTranslations("room.chat");
  const errors = useTranslations("room.moderation.errors");
  const { viewer } = useRoomInfo();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const say = (key: string) => setError(errors.has(key) ? errors(key) : t("failed"));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = text;
    const message = typed.trim();
    if (!message || sending) return;
    setSending(true);
    const failed = await chat.send(message);
    setSending(false);
    if (failed) return say(failed);
    // Only what was sent is cleared: the next line may already be being typed.
    setText((now) => (now === typed ? "" : now));
    setError(null);
  };
  const remove = async (id: string) => {
    if (!window.confirm(t("confirmDelete"))) return;
    const failed = await chat.remove(id);
    if (failed) say(failed);
  };
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <ol role="log" aria-label={t("log")} aria-live="polite" className="min-h-32 flex-1 space-y-2 overflow-y-auto" data-testid="chat-log">
        {chat.messages.length === 0 && <li className="text-sm text-slate-600">{t("empty")}</li>}
        {chat.messages.map((m) => (
          <li key={m.id} className="text-sm" data-testid="chat-message" data-id={m.id}>
            <span className="font-semibold">{m.name || t("someone")}</span>
            {m.nameLatin && m.nameLatin !== m.name && <span className="text-slate-600"> · {m.nameLatin}</span>}{" "}
            <time className="text-xs text-slate-600" dateTime={m.at}>
              {time(m.at)}
            </time>
            {viewer.isOrganizer && (
              <button type="button" onClick={() => void remove(m.id)} className="ml-2 text-xs text-red-800 underline" aria-label={t("deleteFrom", { name: m.name })}>
                {t("delete")}
              </button>
            )}
            <p className="whitespace-pre-wrap break-words">{m.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="flex items-end gap-2">
        <label className="flex-1 text-sm font-medium">
          {t("message")}
          <input className={inputClass} value={text} onChange={(e) => setText(e.target.value)} maxLength={CHAT_MAX_LENGTH} autoComplete="off" />
        </label>
        <button type="submit" disabled={sending} className="rounded bg-sky-900 px-3 py-2 font-medium text-white disabled:opacity-60">
          {t("send")}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
