// Which player a viewer gets: the organizer offers WebRTC, HLS or both; WebRTC (sub-second) comes
// first when offered, HLS takes over when WebRTC cannot connect, and a viewer offered both may
// pick HLS themselves (low bandwidth). Pure, so the rules are tested apart from the players.

export type PlayerKind = "webrtc" | "hls";

export interface PlayerOffer {
  /** WebRTC is offered to this viewer (WatchView.webrtc). */
  webrtc: boolean;
  /** The HLS master playlist, when HLS is offered and on air. */
  hlsUrl: string | null;
}

export interface ViewerConditions {
  /** WebRTC failed to connect (or timed out) on this visit. */
  webrtcFailed: boolean;
  /** The viewer's own pick, when they made one. */
  picked: PlayerKind | null;
}

export interface PlayerChoice {
  kind: PlayerKind | null;
  /** HLS plays because WebRTC could not connect: the page says so. */
  fellBack: boolean;
  /** Both are offered, so the viewer may switch. */
  switchable: boolean;
}

export function choosePlayer(offer: PlayerOffer, viewer: ViewerConditions): PlayerChoice {
  const hls = offer.hlsUrl !== null;
  const webrtc = offer.webrtc && !viewer.webrtcFailed;
  const switchable = offer.webrtc && hls && !viewer.webrtcFailed;
  if (viewer.picked === "hls" && hls) return { kind: "hls", fellBack: false, switchable };
  if (webrtc) return { kind: "webrtc", fellBack: false, switchable };
  if (hls) return { kind: "hls", fellBack: offer.webrtc && viewer.webrtcFailed, switchable };
  return { kind: null, fellBack: false, switchable: false };
}
