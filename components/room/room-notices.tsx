"use client";
// What happens to the viewer, said in words: the network dropping and coming back, an organizer
// letting them speak or share their screen or taking it back, or turning their microphone or
// camera off.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, Track, type Participant, type TrackPublication } from "livekit-client";
import type { NetworkState } from "./use-room-connection";

type Notice = "maySpeak" | "mayNotSpeak" | "mayShare" | "mayNotShare" | "micMuted" | "cameraMuted";

type Permissions = Participant["permissions"];

/** Whether a permission lets its holder publish `source` (no list means every source). */
function allows(p: Permissions, source: Track.Source): boolean {
  if (!p?.canPublish) return false;
  const sources = p.canPublishSources ?? [];
  return sources.length === 0 || sources.some((s) => Track.sourceFromProto(s) === source);
}

export function RoomNotices({ network, isSelfMuting }: { network: NetworkState; isSelfMuting: (source: Track.Source) => boolean }) {
  const t = useTranslations("room.notices");
  const room = useRoomContext();
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    const me = room.localParticipant;
    // The server lowers the answered hand (or request) itself.
    const onPermissions = (prev: Permissions, p: Participant) => {
      if (p !== me) return;
      const speak = allows(me.permissions, Track.Source.Microphone);
      const share = allows(me.permissions, Track.Source.ScreenShare);
      if (speak !== allows(prev, Track.Source.Microphone)) setNotice(speak ? "maySpeak" : "mayNotSpeak");
      else if (share !== allows(prev, Track.Source.ScreenShare)) setNotice(share ? "mayShare" : "mayNotShare");
    };
    // A mute the viewer is not making themselves came from an organizer.
    const onMuted = (pub: TrackPublication, p: Participant) => {
      // An interpreter's booth track is muted by the handover to their partner, not by an organizer.
      if (p !== me || isSelfMuting(pub.source) || pub.trackName.startsWith("interpretation:")) return;
      if (pub.source === Track.Source.Microphone) setNotice("micMuted");
      if (pub.source === Track.Source.Camera) setNotice("cameraMuted");
    };
    room.on(RoomEvent.ParticipantPermissionsChanged, onPermissions).on(RoomEvent.TrackMuted, onMuted);
    return () => {
      room.off(RoomEvent.ParticipantPermissionsChanged, onPermissions).off(RoomEvent.TrackMuted, onMuted);
    };
  }, [room, isSelfMuting]);

  return (
    <div className="space-y-2">
      {network !== "ok" && (
        <p
          role="status"
          className={`rounded border p-2 ${network === "reconnecting" ? "border-amber-400 bg-amber-50" : "border-emerald-400 bg-emerald-50"}`}
          data-testid="network-state"
          data-state={network}
        >
          {t(network)}
        </p>
      )}
      {notice && (
        <p role="status" className="flex items-center gap-2 rounded border border-sky-300 bg-sky-50 p-2" data-testid="room-notice" data-notice={notice}>
          {t(notice)}
          <button type="button" onClick={() => setNotice(null)} className="ml-auto text-sm underline">
            {t("dismiss")}
          </button>
        </p>
      )}
    </div>
  );
}
