import { describe, expect, it } from "vitest";
import {
  boothClaims,
  boothHolder,
  channelOfTrack,
  channelStatuses,
  chosenChannel,
  claimInstant,
  formatElapsed,
  liveChannels,
  mixPlan,
  mustYield,
  sinceHandover,
  trackAllowed,
  FLOOR_UNDER_INTERPRETATION,
  type AudioPublication,
  type RoomPerson,
} from "./interpretation";

const pub = (trackSid: string, participantIdentity: string, trackName: string, muted = false): AudioPublication => ({ trackSid, participantIdentity, trackName, muted });

// Two speakers on the floor, a shared screen's sound, and interpreters into zh (one live, one muted) and ko (muted).
// The server put interp-a on duty in the zh booth after interp-b, and interp-c in the ko booth.
const people: RoomPerson[] = [
  { identity: "speaker-1", attributes: { role: "speaker" } },
  { identity: "speaker-2", attributes: { role: "speaker" } },
  { identity: "interp-a", attributes: { "role": "interpreter", "booth.zh": "2021-11-22T01:30:00.000Z" } },
  { identity: "interp-b", attributes: { "role": "interpreter", "booth.zh": "2021-11-22T01:00:00.000Z" } },
  { identity: "interp-c", attributes: { "role": "interpreter", "booth.ko": "2021-11-22T01:10:00.000Z" } },
];
const room = [
  pub("TR_speaker1", "speaker-1", "microphone"),
  pub("TR_speaker2", "speaker-2", ""),
  pub("TR_screen", "speaker-1", "screen_share_audio"),
  pub("TR_zh_a", "interp-a", "interpretation:zh"),
  pub("TR_zh_b", "interp-b", "interpretation:zh", true),
  pub("TR_ko", "interp-c", "interpretation:ko", true),
];

describe("channel of a track", () => {
  it.each([
    ["interpretation:zh", "zh"],
    ["interpretation:ko", "ko"],
    ["interpretation:en", "en"],
    ["interpretation:fr", null],
    ["microphone", null],
    ["", null],
  ] as const)("reads %j as %s", (name, channel) => {
    expect(channelOfTrack(name)).toBe(channel);
  });
});

describe("live channels", () => {
  it("are those whose interpreter on duty publishes the channel's track, unmuted", () => {
    expect(liveChannels(room, people)).toEqual(["zh"]);
  });

  it("list the booth on each channel, the interpreter on duty first", () => {
    const zh = channelStatuses(room, people).find((s) => s.language === "zh");
    expect(zh).toEqual({
      language: "zh",
      live: true,
      voices: [
        { identity: "interp-a", muted: false, onDuty: true },
        { identity: "interp-b", muted: true, onDuty: false },
      ],
    });
  });

  it("are none when only the floor speaks", () => {
    expect(liveChannels(room.slice(0, 3), people)).toEqual([]);
    expect(channelStatuses([], []).map((s) => s.live)).toEqual([false, false, false]);
  });

  it("ignore a channel track published by someone the server did not put on duty", () => {
    const fake = [...room, pub("TR_fake_en", "speaker-1", "interpretation:en")];
    expect(liveChannels(fake, people)).toEqual(["zh"]);
    // A delegate who was let speak, naming their microphone for a channel nobody else is on.
    const delegate = [{ identity: "delegate", attributes: { role: "delegate" } }];
    expect(liveChannels([pub("TR_d", "delegate", "interpretation:zh")], delegate)).toEqual([]);
  });

  it("ignore a claim in the attributes of anyone but an interpreter", () => {
    const forged = [...people, { identity: "delegate", attributes: { "role": "delegate", "booth.en": "2099-01-01T00:00:00.000Z" } }];
    expect(liveChannels([...room, pub("TR_d", "delegate", "interpretation:en")], forged)).toEqual(["zh"]);
    expect(boothClaims(forged, "en")).toEqual([]);
  });

  it("play only the interpreter on duty: a booth partner's unmuted track is not the channel", () => {
    const both = room.map((p) => (p.trackSid === "TR_zh_b" ? { ...p, muted: false } : p));
    const plan = mixPlan(both, people, "zh");
    expect(plan.get("TR_zh_a")).toEqual({ subscribed: true, volume: 1 });
    expect(plan.get("TR_zh_b")).toEqual({ subscribed: false, volume: 0 });
  });
});

describe("chosen channel", () => {
  const delegate = (language: string | null) => ({ role: "delegate", language });

  it("defaults to the registration language's channel while it is live", () => {
    expect(chosenChannel(null, delegate("zh"), ["zh"])).toBe("zh");
  });

  it("defaults to the floor when the registration language's channel is not live", () => {
    expect(chosenChannel(null, delegate("ko"), ["zh"])).toBe("floor");
    expect(chosenChannel(null, delegate(null), ["zh"])).toBe("floor");
  });

  it("keeps a remembered choice, even the floor over a live own-language channel", () => {
    expect(chosenChannel("floor", delegate("zh"), ["zh"])).toBe("floor");
    expect(chosenChannel("en", delegate("zh"), ["zh"])).toBe("en");
  });

  it("gives interpreters the floor by default and a relay when they pick one, never their own channel", () => {
    expect(chosenChannel(null, { role: "interpreter", language: "zh", booth: "zh" }, ["zh"])).toBe("floor");
    expect(chosenChannel("ko", { role: "interpreter", language: "en", booth: "en" }, ["ko"])).toBe("ko");
    expect(chosenChannel("en", { role: "interpreter", language: "en", booth: "en" }, ["en"])).toBe("floor");
  });
});

describe("mix plan", () => {
  it("on a live channel: that channel at full volume, the floor turned down, other channels unsubscribed", () => {
    const plan = mixPlan(room, people, "zh");
    expect(Object.fromEntries(plan)).toEqual({
      TR_speaker1: { subscribed: true, volume: FLOOR_UNDER_INTERPRETATION },
      TR_speaker2: { subscribed: true, volume: FLOOR_UNDER_INTERPRETATION },
      TR_screen: { subscribed: true, volume: FLOOR_UNDER_INTERPRETATION },
      TR_zh_a: { subscribed: true, volume: 1 },
      // The partner off duty is never played, even on the channel.
      TR_zh_b: { subscribed: false, volume: 0 },
      TR_ko: { subscribed: false, volume: 1 },
    });
  });

  it("on the floor: every floor track at full volume and no interpretation", () => {
    const plan = mixPlan(room, people, "floor");
    expect([...plan].filter(([, m]) => m.subscribed).map(([sid, m]) => [sid, m.volume])).toEqual([
      ["TR_speaker1", 1],
      ["TR_speaker2", 1],
      ["TR_screen", 1],
    ]);
  });

  it("on a channel that has gone quiet: the floor back at full volume, the channel still subscribed", () => {
    const plan = mixPlan(room, people, "ko");
    expect(plan.get("TR_speaker1")).toEqual({ subscribed: true, volume: 1 });
    expect(plan.get("TR_ko")).toEqual({ subscribed: true, volume: 1 });
    expect(plan.get("TR_zh_a")?.subscribed).toBe(false);
  });

  it("keeps a track named like an unknown channel out of the floor", () => {
    expect(mixPlan([pub("TR_x", "p", "interpretation:fr")], [], "floor").get("TR_x")).toEqual({ subscribed: false, volume: 0 });
  });

  it("never plays on the floor what an interpreter publishes under another name", () => {
    expect(mixPlan([pub("TR_i", "interp-c", "microphone")], people, "floor").get("TR_i")).toEqual({ subscribed: false, volume: 0 });
  });
});

describe("booth handover", () => {
  const at = (iso: string) => Date.parse(iso);
  const booth: RoomPerson[] = [
    { identity: "interp-a", attributes: { "role": "interpreter", "booth.zh": "2021-11-22T01:00:00.000Z" } },
    { identity: "interp-b", attributes: { "role": "interpreter", "booth.zh": "2021-11-22T01:30:00.000Z" } },
    { identity: "interp-c", attributes: { "role": "interpreter", "booth.ko": "2021-11-22T01:10:00.000Z" } },
    { identity: "interp-d", attributes: { "role": "interpreter", "booth.zh": "not a date" } },
    { identity: "delegate", attributes: { "role": "delegate", "booth.zh": "2021-11-22T02:00:00.000Z" } },
  ];

  it("reads each interpreter's claim on a channel from their attributes, and nobody else's", () => {
    expect(boothClaims(booth, "zh")).toEqual([
      { identity: "interp-a", at: at("2021-11-22T01:00:00Z") },
      { identity: "interp-b", at: at("2021-11-22T01:30:00Z") },
    ]);
    expect(boothClaims(booth, "en")).toEqual([]);
  });

  it("gives the channel to the latest claim, so the partner who went live earlier yields", () => {
    const claims = boothClaims(booth, "zh");
    expect(boothHolder(claims)?.identity).toBe("interp-b");
    expect(mustYield("interp-a", claims)).toBe(true);
    expect(mustYield("interp-b", claims)).toBe(false);
  });

  it("breaks a tie by identity, the same way on every client", () => {
    const claims = [
      { identity: "z", at: 5 },
      { identity: "m", at: 5 },
    ];
    expect(boothHolder(claims)?.identity).toBe("m");
    expect(boothHolder([...claims].reverse())?.identity).toBe("m");
  });

  it("stamps a takeover after the current holder even when the server's clock went back", () => {
    expect(claimInstant(100, [{ identity: "a", at: 50 }])).toBe(100);
    expect(claimInstant(100, [{ identity: "a", at: 180 }])).toBe(181);
    expect(claimInstant(100, [])).toBe(100);
  });

  it("times the channel since its last handover", () => {
    const claims = boothClaims(booth, "zh");
    expect(sinceHandover(claims, at("2021-11-22T01:42:05Z"))).toBe((12 * 60 + 5) * 1000);
    expect(sinceHandover([], 0)).toBeNull();
  });

  it.each([
    [0, "0:00"],
    [59_999, "0:59"],
    [12 * 60_000 + 5_000, "12:05"],
    [3_600_000 + 65_000, "1:01:05"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe("tracks the server lets stand", () => {
  const interpreter = (claims: Record<string, string> = {}) => ({ role: "interpreter", ...claims });
  it.each([
    ["an interpreter's track for the channel they claimed", "interpretation:zh", interpreter({ "booth.zh": "2021-11-22T01:00:00.000Z" }), true],
    ["an interpreter's track for a channel they did not claim", "interpretation:en", interpreter({ "booth.zh": "2021-11-22T01:00:00.000Z" }), false],
    ["an interpreter's track with no claim at all", "interpretation:zh", interpreter(), false],
    ["an interpreter's microphone under another name", "microphone", interpreter({ "booth.zh": "2021-11-22T01:00:00.000Z" }), false],
    ["a delegate's microphone named for a channel", "interpretation:zh", { role: "delegate" }, false],
    ["a speaker's microphone named for an unknown channel", "interpretation:fr", { role: "speaker" }, false],
    ["a speaker's microphone", "microphone", { role: "speaker" }, true],
    ["a delegate's camera", "", { role: "delegate" }, true],
  ] as const)("%s: %s", (_label, name, attributes, allowed) => {
    expect(trackAllowed(name, attributes)).toBe(allowed);
  });
});
