"use client";
// The stage, filling the window between the top bar and the control bar. Speaker view: one tile
// large (a pinned one, else a screen share, else whoever speaks), the others in a strip, the
// viewer's own camera small in a corner. Gallery: everyone in a grid that pages. The rules are
// room-layout.ts's; this reads LiveKit's state into them.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useParticipants, useSpeakingParticipants } from "@livekit/components-react";
import { RoomEvent, Track, type Participant } from "livekit-client";
import { readAttributes } from "./attributes";
import { ParticipantTile } from "./participant-tile";
import { galleryView, sameTile, speakerView, type RoomLayoutMode, type RoomPerson, type TileRef } from "./room-layout";
import { useMediaQuery } from "./use-media-query";
import { withoutAgents } from "./use-room-people";

const tileEvents = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ActiveSpeakersChanged,
];

/** When each screen share appeared here (the latest one takes the stage), kept across renders. */
function useShareOrder(participants: Participant[]): ReadonlyMap<string, number> {
  const [order, setOrder] = useState<ReadonlyMap<string, number>>(new Map());
  const sharing = participants.filter((p) => !!p.getTrackPublication(Track.Source.ScreenShare)).map((p) => p.identity);
  const stale = [...order.keys()].some((id) => !sharing.includes(id)) || sharing.some((id) => !order.has(id));
  if (stale) {
    // A rising count, not a clock: only the order of arrival matters.
    const next = new Map([...order].filter(([id]) => sharing.includes(id)));
    let latest = Math.max(0, ...order.values());
    for (const id of sharing) if (!next.has(id)) next.set(id, ++latest);
    setOrder(next);
  }
  return order;
}

function toPerson(p: Participant, sharedAt: ReadonlyMap<string, number>): RoomPerson {
  const screen = p.getTrackPublication(Track.Source.ScreenShare);
  return {
    identity: p.identity,
    isLocal: p.isLocal,
    role: readAttributes(p.attributes).role,
    joinedAt: p.joinedAt?.getTime() ?? 0,
    lastSpokeAt: p.lastSpokeAt?.getTime() ?? 0,
    sharingSince: screen ? (sharedAt.get(p.identity) ?? 0) : null,
  };
}

export interface StageProps {
  layout: RoomLayoutMode;
  pinned: TileRef | null;
  onPin: (tile: TileRef | null) => void;
}

export function Stage({ layout, pinned, onPin }: StageProps) {
  const t = useTranslations("room.stage");
  const participants = withoutAgents(useParticipants({ updateOnlyOn: tileEvents }));
  const speaking = useSpeakingParticipants().map((p) => p.identity);
  const phone = !useMediaQuery("(min-width: 768px)");
  const sharedAt = useShareOrder(participants);
  const people = participants.map((p) => toPerson(p, sharedAt));
  const byIdentity = new Map(participants.map((p) => [p.identity, p]));
  // The main speaker of the last render, so two people talking over each other do not flip it.
  const [focus, setFocus] = useState<string | null>(null);
  const view = speakerView(people, speaking, pinned, focus);
  const mainIdentity = view.main?.source === "camera" ? view.main.identity : null;
  if (mainIdentity !== focus) setFocus(mainIdentity);
  const [page, setPage] = useState(0);

  const tile = (ref: TileRef, size: "main" | "strip" | "grid" | "self") => {
    const participant = byIdentity.get(ref.identity);
    if (!participant) return null;
    return (
      <ParticipantTile
        key={`${ref.identity}:${ref.source}`}
        participant={participant}
        source={ref.source}
        size={size}
        pinned={sameTile(pinned, ref)}
        onPin={() => onPin(sameTile(pinned, ref) ? null : ref)}
      />
    );
  };

  if (layout === "gallery") {
    const all = galleryView(people);
    const perPage = phone ? 4 : 9;
    const pages = Math.max(1, Math.ceil(all.length / perPage));
    const current = Math.min(page, pages - 1);
    const shown = all.slice(current * perPage, (current + 1) * perPage);
    const columns = shown.length <= 1 ? "grid-cols-1" : shown.length <= 4 ? "grid-cols-2" : "grid-cols-2 md:grid-cols-3";
    return (
      <section aria-label={t("label")} className="flex h-full min-h-0 flex-col gap-2 p-2" data-testid="stage" data-layout="gallery">
        <ul className={`grid min-h-0 flex-1 auto-rows-fr gap-2 ${columns}`} data-testid="grid">
          {shown.map((ref) => (
            <li key={`${ref.identity}:${ref.source}`} className="min-h-0">
              {tile(ref, "grid")}
            </li>
          ))}
        </ul>
        {pages > 1 && (
          <div className="flex items-center justify-center gap-3 text-sm">
            <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0} className="rounded border border-slate-600 px-2 py-1 disabled:opacity-50">
              {t("previousPage")}
            </button>
            <span aria-live="polite">{t("page", { page: current + 1, pages })}</span>
            <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1} className="rounded border border-slate-600 px-2 py-1 disabled:opacity-50">
              {t("nextPage")}
            </button>
          </div>
        )}
      </section>
    );
  }

  return (
    <section aria-label={t("label")} className="relative flex h-full min-h-0 flex-col gap-2 p-2" data-testid="stage" data-layout="speaker">
      <div className="relative min-h-0 flex-1" data-testid="stage-main">
        {view.main ? tile(view.main, "main") : <p className="grid h-full place-items-center rounded-lg bg-slate-900 text-slate-200">{t("empty")}</p>}
        {view.self && <div className="absolute bottom-2 right-2 z-10 w-28 sm:w-44">{tile(view.self, "self")}</div>}
      </div>
      {view.strip.length > 0 && (
        <section aria-label={t("grid")} className="shrink-0">
          <ul className="flex gap-2 overflow-x-auto pb-1" data-testid="strip">
            {view.strip.map((ref) => (
              <li key={`${ref.identity}:${ref.source}`} className="w-32 shrink-0 sm:w-44">
                {tile(ref, "strip")}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
