"use client";
// When to tell Egress to start the file (the SDK logs START_RECORDING, which Egress's Chrome
// watches for): as soon as a subscribed video decodes frames, so the file does not open on empty
// tiles; right away when the stage has no video to wait for; and in any case after a few seconds,
// so an empty room or a stuck track still gets recorded.
import { useEffect } from "react";
import EgressHelper from "@livekit/egress-sdk";
import { Track, type Room } from "livekit-client";

const POLL_MS = 100;
/** Time for a video publication to show up after connecting, before starting without one. */
const NO_VIDEO_GRACE_MS = 500;
const FRAME_DECODE_TIMEOUT_MS = 5_000;

// START_RECORDING once per page, even if React runs the effect twice.
let started = false;

async function decodesFrames(room: Room): Promise<boolean> {
  for (const participant of room.remoteParticipants.values()) {
    for (const pub of participant.videoTrackPublications.values()) {
      const stats = pub.isSubscribed ? await pub.videoTrack?.getRTCStatsReport() : undefined;
      for (const item of stats?.values() ?? []) {
        if (item.type === "inbound-rtp" && item.framesDecoded > 0) return true;
      }
    }
  }
  return false;
}

function wantsVideo(room: Room): boolean {
  return [...room.remoteParticipants.values()].some((p) => [...p.trackPublications.values()].some((pub) => pub.kind === Track.Kind.Video && pub.isDesired));
}

export function useStartRecording(room: Room, connected: boolean, { video }: { video: boolean }) {
  useEffect(() => {
    if (!connected || started) return;
    const since = Date.now();
    let busy = false;
    const timer = setInterval(async () => {
      if (busy || started) return;
      busy = true;
      const elapsed = Date.now() - since;
      const ready = elapsed >= FRAME_DECODE_TIMEOUT_MS || (elapsed >= NO_VIDEO_GRACE_MS && (!video || !wantsVideo(room))) || (video && (await decodesFrames(room).catch(() => false)));
      busy = false;
      if (ready && !started) {
        started = true;
        clearInterval(timer);
        EgressHelper.startRecording();
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [room, connected, video]);
}
