"use client";
// The booth's private chat: text streams on the topic "booth" addressed only to the interpreters
// in the room (the server delivers them to nobody else), and read only from interpreters.
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { useRoomContext } from "@livekit/components-react";
import { inputClass } from "@/components/ui/field";
import type { Person } from "./use-interpretation-room";

const TOPIC = "booth";

interface BoothMessage {
  id: string;
  from: string;
  text: string;
  at: number;
}

export function BoothChat({ people }: { people: Person[] }) {
  const t = useTranslations("interpretation.chat");
  const room = useRoomContext();
  const [messages, setMessages] = useState<BoothMessage[]>([]);
  const [text, setText] = useState("");
  const [failed, setFailed] = useState(false);
  // Roles are attributes only the server writes, so a delegate cannot pass for an interpreter.
  const partners = people.filter((p) => !p.isLocal && p.attributes.role === "interpreter");

  useEffect(() => {
    room.registerTextStreamHandler(TOPIC, async (reader, from) => {
      const sender = room.remoteParticipants.get(from.identity);
      if (!sender || sender.attributes.role !== "interpreter") return;
      const body = await reader.readAll();
      setMessages((m) => [...m, { id: reader.info.id, from: sender.name || sender.identity, text: body, at: reader.info.timestamp }]);
    });
    return () => room.unregisterTextStreamHandler(TOPIC);
  }, [room]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    // An empty recipient list would mean "everyone": never send without a partner to send to.
    if (!body || partners.length === 0) return;
    try {
      const info = await room.localParticipant.sendText(body, { topic: TOPIC, destinationIdentities: partners.map((p) => p.identity) });
      setMessages((m) => [...m, { id: info.id, from: room.localParticipant.name || t("you"), text: body, at: Date.now() }]);
      setText("");
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section aria-labelledby="booth-chat-title" className="space-y-2" data-testid="booth-chat">
      <h3 id="booth-chat-title" className="text-sm font-semibold">
        {t("title")}
      </h3>
      <ol role="log" aria-label={t("log")} aria-live="polite" className="max-h-48 min-h-16 space-y-1 overflow-y-auto text-sm">
        {messages.length === 0 && <li className="text-slate-600">{t("empty")}</li>}
        {messages.map((m) => (
          <li key={m.id} data-testid="booth-message">
            <span className="font-semibold">{m.from}</span> <p className="whitespace-pre-wrap break-words">{m.text}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={send} className="flex items-end gap-2">
        <label className="flex-1 text-sm font-medium">
          {t("message")}
          <input className={inputClass} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} autoComplete="off" disabled={partners.length === 0} />
        </label>
        <button type="submit" disabled={partners.length === 0} className="rounded bg-sky-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {t("send")}
        </button>
      </form>
      {partners.length === 0 && <p className="text-xs text-slate-600">{t("alone")}</p>}
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("failed")}
        </p>
      )}
    </section>
  );
}
