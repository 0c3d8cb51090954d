"use client";
// What the room calls attention to: for organizers, a hand raised or a screen requested (a count
// on People, a toast, and a short tone if they turned it on); for everyone, chat messages that
// arrived while the chat was closed (a count on Chat and a toast). Toasts are announced politely
// to screen readers and go by themselves.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useLocalParticipant } from "@livekit/components-react";
import type { ChatMessageView } from "@/lib/chat/message";
import { handQueue, shareQueue } from "./attributes";
import type { PanelId } from "./control-bar";
import { useRoomInfo } from "./room-info";
import { useRoomPeople } from "./use-room-people";
import { useStoredChoice } from "./interpretation/use-stored-choice";

export interface Toast {
  id: string;
  text: string;
  panel: PanelId;
}

const TOAST_MS = 8_000;

/** A short two-note chime made in the browser (no sound file to fetch). */
function chime() {
  try {
    const ctx = new AudioContext();
    for (const [i, freq] of [660, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.15 + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.15);
      osc.stop(ctx.currentTime + i * 0.15 + 0.3);
    }
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio output: the toast and the badge still tell.
  }
}

interface Shown extends Toast {
  /** When it appeared, on the room's clock (it goes TOAST_MS later). */
  at: number;
}

/** `now` is the room's ticking clock (use-now.ts), which also makes toasts go in time. */
export function useAlerts(messages: readonly ChatMessageView[], panel: PanelId | null, now: number) {
  const t = useTranslations("room.alerts");
  const { viewer } = useRoomInfo();
  const { localParticipant } = useLocalParticipant();
  const people = useRoomPeople();
  const [shown, setShown] = useState<Shown[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [soundChoice, storeSound] = useStoredChoice("plenary.room.handSound");
  const sound = { on: soundChoice === "on", set: (on: boolean) => storeSound(on ? "on" : "off") };
  const show = (toasts: Toast[]) => setShown((list) => [...list.filter((x) => !toasts.some((n) => n.id === x.id)), ...toasts.map((x) => ({ ...x, at: now }))].slice(-3));

  // Chat: everything up to the latest message counts as read while the chat is open.
  const [readUpTo, setReadUpTo] = useState("");
  const latest = messages.at(-1);
  if (panel === "chat" && latest && latest.at > readUpTo) setReadUpTo(latest.at);
  const unreadChat = messages.filter((m) => m.at > readUpTo && m.identity !== localParticipant.identity).length;
  // A new message while the chat is closed is told once; the history loaded on joining is no news.
  const [lastHeard, setLastHeard] = useState<string | null>(null);
  if (latest && latest.id !== lastHeard) {
    setLastHeard(latest.id);
    if (lastHeard !== null && panel !== "chat" && latest.identity !== localParticipant.identity) {
      show([{ id: `chat:${latest.id}`, text: t("message", { name: latest.name, text: latest.body.slice(0, 80) }), panel: "chat" }]);
    }
  }

  // Hands and screen requests, for organizers: only those raised after they arrived alert.
  const hands = viewer.isOrganizer ? handQueue(people) : [];
  const shares = viewer.isOrganizer ? shareQueue(people) : [];
  const waiting = hands.length + shares.length;
  const requests = [
    ...hands.map((p) => ({ key: `hand:${p.identity}:${p.attributes.hand}`, kind: "hand", p })),
    ...shares.map((p) => ({ key: `share:${p.identity}:${p.attributes.shareRequest}`, kind: "share", p })),
  ];
  const requestsKey = requests.map((r) => r.key).join("|");
  const [seenRequests, setSeenRequests] = useState<string | null>(null);
  const [chimes, setChimes] = useState(0);
  if (requestsKey !== seenRequests) {
    setSeenRequests(requestsKey);
    const before = new Set(seenRequests?.split("|") ?? []);
    const fresh = seenRequests === null ? [] : requests.filter((r) => !before.has(r.key));
    if (fresh.length) {
      show(fresh.map((r) => ({ id: r.key, text: t(r.kind === "hand" ? "hand" : "share", { name: r.p.name || r.p.identity }), panel: "people" as const })));
      setChimes((c) => c + 1);
    }
  }
  useEffect(() => {
    if (chimes > 0 && sound.on) chime();
    // Only a new request rings, not turning the sound on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chimes]);

  const toasts = shown.filter((x) => !dismissed.has(x.id) && now - x.at < TOAST_MS);
  const dismiss = (id: string) => setDismissed((d) => new Set([...d, id]));
  return { toasts, dismiss, unreadChat, waiting, sound };
}

export type Alerts = ReturnType<typeof useAlerts>;
