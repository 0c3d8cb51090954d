"use client";
// What happens to the viewer, said in words: the network dropping and coming back, an organizer
// letting them speak or taking it back, or turning their microphone or camera off.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, Track, type Participant, type TrackPublication } from "livekit-client";
import { HAND_ATTRIBUTE } from "./attributes";
import type { NetworkState } from "./use-room-connection";

type Notice = "maySpeak" | "mayNotSpeak" | "micMuted" | "cameraMuted";

export function RoomNotices({ network, isSelfMuting }: { network: NetworkState; isSelfMuting: (source: Track.Source) => boolean }) {
  const t = useTranslations("room.notices");
  const room = useRoomContext();
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    const me = room.localParticipant;
    const onPermissions = (prev: Participant["permissions"], p: Participant) => {
      if (p !== me) return;
      const now = !!me.permissions?.canPublish;
      if (now === !!prev?.canPublish) return;
      setNotice(now ? "maySpeak" : "mayNotSpeak");
      // The raised hand has been answered.
      if (now && me.attributes[HAND_ATTRIBUTE]) void me.setAttributes({ [HAND_ATTRIBUTE]: "" }).catch(() => {});
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
        <p role="status" className={`rounded border p-2 ${network === "reconnecting" ? "border-amber-400 bg-amber-50" : "border-emerald-400 bg-emerald-50"}`} data-testid="network-state" data-state={network}>
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
