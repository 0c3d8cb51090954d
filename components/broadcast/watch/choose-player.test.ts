import { describe, expect, it } from "vitest";
import { choosePlayer } from "./choose-player";

const both = { webrtc: true, hlsUrl: "/api/forums/f/broadcast/index.m3u8" };
const fresh = { webrtcFailed: false, picked: null };

describe("choosePlayer", () => {
  it("plays WebRTC first when the organizer offers it, and lets the viewer switch when HLS is offered too", () => {
    expect(choosePlayer(both, fresh)).toEqual({ kind: "webrtc", fellBack: false, switchable: true });
  });

  it("plays HLS when the viewer picks low bandwidth", () => {
    expect(choosePlayer(both, { webrtcFailed: false, picked: "hls" })).toEqual({ kind: "hls", fellBack: false, switchable: true });
  });

  it("falls back to HLS, saying so, when WebRTC cannot connect", () => {
    expect(choosePlayer(both, { webrtcFailed: true, picked: null })).toEqual({ kind: "hls", fellBack: true, switchable: false });
    expect(choosePlayer(both, { webrtcFailed: true, picked: "webrtc" }).kind).toBe("hls");
  });

  it("plays HLS alone without a note when the organizer offers only HLS", () => {
    expect(choosePlayer({ webrtc: false, hlsUrl: both.hlsUrl }, fresh)).toEqual({ kind: "hls", fellBack: false, switchable: false });
  });

  it("ignores a pick of HLS while no playlist is on air", () => {
    expect(choosePlayer({ webrtc: true, hlsUrl: null }, { webrtcFailed: false, picked: "hls" })).toEqual({ kind: "webrtc", fellBack: false, switchable: false });
  });

  it("has nothing to play when WebRTC failed and HLS is not offered", () => {
    expect(choosePlayer({ webrtc: true, hlsUrl: null }, { webrtcFailed: true, picked: null }).kind).toBeNull();
    expect(choosePlayer({ webrtc: false, hlsUrl: null }, fresh).kind).toBeNull();
  });
});
