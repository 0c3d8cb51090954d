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
  FLOOR_UNDER_INTERPRETATION,
  type AudioPublication,
} from "./interpretation";

const pub = (trackSid: string, participantIdentity: string, trackName: string, muted = false): AudioPublication => ({ trackSid, participantIdentity, trackName, muted });

// Two speakers on the floor, a shared screen's sound, and interpreters into zh (one live, one muted) and ko (muted).
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
  it("are those with a published, unmuted interpretation track", () => {
    expect(liveChannels(room)).toEqual(["zh"]);
  });

  it("list every voice on a channel, live or muted", () => {
    const zh = channelStatuses(room).find((s) => s.language === "zh");
    expect(zh).toEqual({ language: "zh", live: true, voices: [{ identity: "interp-a", muted: false }, { identity: "interp-b", muted: true }] });
  });

  it("are none when only the floor speaks", () => {
    expect(liveChannels(room.slice(0, 3))).toEqual([]);
    expect(channelStatuses([]).map((s) => s.live)).toEqual([false, false, false]);
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
    const plan = mixPlan(room, "zh");
    expect(Object.fromEntries(plan)).toEqual({
      TR_speaker1: { subscribed: true, volume: FLOOR_UNDER_INTERPRETATION },
      TR_speaker2: { subscribed: true, volume: FLOOR_UNDER_INTERPRETATION },
      TR_screen: { subscribed: true, volume: FLOOR_UNDER_INTERPRETATION },
      TR_zh_a: { subscribed: true, volume: 1 },
      TR_zh_b: { subscribed: true, volume: 1 },
      TR_ko: { subscribed: false, volume: 1 },
    });
  });

  it("on the floor: every floor track at full volume and no interpretation", () => {
    const plan = mixPlan(room, "floor");
    expect([...plan].filter(([, m]) => m.subscribed).map(([sid, m]) => [sid, m.volume])).toEqual([
      ["TR_speaker1", 1],
      ["TR_speaker2", 1],
      ["TR_screen", 1],
    ]);
  });

  it("on a channel that has gone quiet: the floor back at full volume, the channel still subscribed", () => {
    const plan = mixPlan(room, "ko");
    expect(plan.get("TR_speaker1")).toEqual({ subscribed: true, volume: 1 });
    expect(plan.get("TR_ko")).toEqual({ subscribed: true, volume: 1 });
    expect(plan.get("TR_zh_a")?.subscribed).toBe(false);
  });

  it("keeps a track named like an unknown channel out of the floor", () => {
    expect(mixPlan([pub("TR_x", "p", "interpretation:fr")], "floor").get("TR_x")).toEqual({ subscribed: false, volume: 0 });
  });
});

describe("booth handover", () => {
  const at = (iso: string) => Date.parse(iso);
  const people: { identity: string; attributes: Record<string, string> }[] = [
    { identity: "interp-a", attributes: { role: "interpreter", "booth.zh": "2021-11-22T01:00:00.000Z" } },
    { identity: "interp-b", attributes: { role: "interpreter", "booth.zh": "2021-11-22T01:30:00.000Z" } },
    { identity: "interp-c", attributes: { role: "interpreter", "booth.ko": "2021-11-22T01:10:00.000Z" } },
    { identity: "delegate", attributes: { role: "delegate", "booth.zh": "not a date" } },
  ];

  it("reads each interpreter's claim on a channel from their attributes", () => {
    expect(boothClaims(people, "zh")).toEqual([
      { identity: "interp-a", at: at("2021-11-22T01:00:00Z") },
      { identity: "interp-b", at: at("2021-11-22T01:30:00Z") },
    ]);
    expect(boothClaims(people, "en")).toEqual([]);
  });

  it("gives the channel to the latest claim, so the partner who went live earlier yields", () => {
    const claims = boothClaims(people, "zh");
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

  it("stamps a takeover after the current holder even when the taker's clock is behind", () => {
    expect(claimInstant(100, [{ identity: "a", at: 50 }])).toBe(100);
    expect(claimInstant(100, [{ identity: "a", at: 180 }])).toBe(181);
    expect(claimInstant(100, [])).toBe(100);
  });

  it("times the channel since its last handover", () => {
    const claims = boothClaims(people, "zh");
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
