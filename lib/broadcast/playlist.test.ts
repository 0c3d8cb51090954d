import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { AUTOMATIC_NAME, broadcastFileKind, carryQuery, contentTypeOf, FLOOR_NAME, masterPlaylist, windowPlaylist } from "./playlist";

describe("FLOOR_NAME", () => {
  it("names the floor as the recordings player does, in each language", () => {
    for (const locale of ["ko", "zh", "en"] as const) {
      const messages = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../messages/recordings/${locale}.json`), "utf8"));
      expect(FLOOR_NAME[locale]).toBe(messages.recordings.channels.floor);
    }
  });
});

describe("AUTOMATIC_NAME", () => {
  it("names a captions rendition as the recordings player names automatic subtitles", () => {
    for (const locale of ["ko", "zh", "en"] as const) {
      const messages = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../messages/player/${locale}.json`), "utf8"));
      expect(AUTOMATIC_NAME[locale]).toBe(messages.player.subtitlesAutomatic);
    }
  });
});

describe("masterPlaylist with live captions", () => {
  const master = masterPlaylist({
    stageUri: "B1/stage/index.m3u8",
    floorName: "Floor",
    channels: [{ language: "ko", name: "한국어", uri: "B1/ko/index.m3u8" }],
    subtitles: [
      { language: null, name: "Floor (automatic)", uri: "B1/captions/floor.m3u8" },
      { language: "ko", name: "한국어 (automatic)", uri: "B1/captions/ko.m3u8" },
    ],
    query: "token=t",
  });
  const lines = master.trim().split("\n");

  it("declares one SUBTITLES rendition per captions channel, off by default, and names their group on the variant", () => {
    const subs = lines.filter((l) => l.startsWith("#EXT-X-MEDIA:TYPE=SUBTITLES"));
    expect(subs).toEqual([
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="captions",NAME="Floor (automatic)",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI="B1/captions/floor.m3u8?token=t"',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="captions",NAME="한국어 (automatic)",LANGUAGE="ko",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="B1/captions/ko.m3u8?token=t"',
    ]);
    expect(lines.find((l) => l.startsWith("#EXT-X-STREAM-INF"))).toMatch(/,AUDIO="audio",SUBTITLES="captions"$/);
  });

  it("names no subtitles group when the forum is not captioned", () => {
    const plain = masterPlaylist({ stageUri: "B1/stage/index.m3u8", floorName: "Floor", channels: [], query: "" });
    expect(plain).not.toContain("SUBTITLES");
  });
});

describe("masterPlaylist", () => {
  const master = masterPlaylist({
    stageUri: "B1/stage/live.m3u8",
    floorName: "원음",
    channels: [
      { language: "ko", name: "한국어", uri: "B1/ko/live.m3u8" },
      { language: "zh", name: "中文", uri: "B1/zh/live.m3u8" },
    ],
    query: "token=abc.def",
  });
  const lines = master.trim().split("\n");

  it("declares the floor as the variant's own audio and one rendition per channel", () => {
    expect(lines[0]).toBe("#EXTM3U");
    const media = lines.filter((l) => l.startsWith("#EXT-X-MEDIA:"));
    expect(media).toHaveLength(3);
    expect(media[0]).toBe('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="원음",DEFAULT=YES,AUTOSELECT=YES');
    expect(media[0]).not.toContain("URI=");
    expect(media[1]).toContain('LANGUAGE="ko"');
    expect(media[1]).toContain('URI="B1/ko/live.m3u8?token=abc.def"');
    expect(media[2]).toContain('NAME="中文",LANGUAGE="zh"');
  });

  it("points the stage variant at the audio group, with the token", () => {
    const inf = lines.findIndex((l) => l.startsWith("#EXT-X-STREAM-INF:"));
    expect(lines[inf]).toContain('AUDIO="audio"');
    expect(lines[inf]).toMatch(/BANDWIDTH=\d+/);
    expect(lines[inf + 1]).toBe("B1/stage/live.m3u8?token=abc.def");
  });

  it("cannot be broken out of by a name holding quotes or line breaks", () => {
    const evil = masterPlaylist({ stageUri: "s.m3u8", floorName: 'Floor"\n#EXT-X-ENDLIST', channels: [], query: "" });
    expect(evil.split("\n").filter((l) => l.startsWith("#EXT-X-ENDLIST"))).toHaveLength(0);
  });

  it("leaves URIs alone for a public forum", () => {
    const open = masterPlaylist({ stageUri: "B1/stage/live.m3u8", floorName: "Floor", channels: [], query: "" });
    expect(open).toContain("\nB1/stage/live.m3u8\n");
  });
});

describe("carryQuery", () => {
  const playlist = [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    "#EXT-X-TARGETDURATION:2",
    "#EXT-X-MEDIA-SEQUENCE:7",
    "#EXT-X-PROGRAM-DATE-TIME:2026-12-07T01:00:00.000Z",
    "#EXTINF:2.000,",
    "seg_00007.ts",
    '#EXT-X-MAP:URI="init.mp4"',
    "#EXTINF:2.000,",
    "seg_00008.ts",
    "",
  ].join("\n");

  it("adds the token to every segment and URI attribute, nothing else", () => {
    const out = carryQuery(playlist, "token=t1").split("\n");
    expect(out).toContain("seg_00007.ts?token=t1");
    expect(out).toContain("seg_00008.ts?token=t1");
    expect(out).toContain('#EXT-X-MAP:URI="init.mp4?token=t1"');
    expect(out).toContain("#EXT-X-PROGRAM-DATE-TIME:2026-12-07T01:00:00.000Z");
    expect(out.at(-1)).toBe("");
  });

  it("returns the playlist as it is without a token", () => {
    expect(carryQuery(playlist, "")).toBe(playlist);
  });
});

describe("broadcastFileKind", () => {
  it("knows playlists and segments", () => {
    expect(broadcastFileKind("live.m3u8")).toBe("playlist");
    expect(broadcastFileKind("seg_00001.ts")).toBe("segment");
    expect(contentTypeOf("seg_00001.ts")).toBe("video/mp2t");
    expect(contentTypeOf("live.m3u8")).toBe("application/vnd.apple.mpegurl");
  });

  it("refuses anything else: other files, paths, hidden names", () => {
    for (const name of ["../x.ts", "a/b.ts", ".env", "seg.mp4.exe", "manifest.json", "x.m3u8 ", "", "%2e%2e.ts"]) expect(broadcastFileKind(name)).toBeNull();
  });
});

describe("windowPlaylist", () => {
  const event = (n: number, ended = false) =>
    [
      "#EXTM3U",
      "#EXT-X-VERSION:4",
      "#EXT-X-PLAYLIST-TYPE:EVENT",
      "#EXT-X-ALLOW-CACHE:NO",
      "#EXT-X-TARGETDURATION:2",
      "#EXT-X-MEDIA-SEQUENCE:0",
      ...Array.from({ length: n }, (_, i) => [
        ...(i === 3 ? ["#EXT-X-DISCONTINUITY"] : []),
        `#EXT-X-PROGRAM-DATE-TIME:2026-12-07T01:00:${String(i * 2).padStart(2, "0")}Z`,
        "#EXTINF:2.000,",
        `seg_${i}.ts`,
      ]).flat(),
      ...(ended ? ["#EXT-X-ENDLIST"] : []),
      "",
    ].join("\n");

  it("keeps a short playlist whole, but no longer an EVENT playlist", () => {
    const out = windowPlaylist(event(3), 5);
    expect(out).not.toContain("PLAYLIST-TYPE");
    expect(out).toContain("#EXT-X-MEDIA-SEQUENCE:0\n");
    expect(out.match(/\.ts/g)).toHaveLength(3);
    expect(out.startsWith("#EXTM3U\n#EXT-X-VERSION:4\n")).toBe(true);
  });

  it("slides: the last segments with their times, the dropped ones counted", () => {
    const out = windowPlaylist(event(10), 4).split("\n");
    expect(out.filter((l) => l.endsWith(".ts"))).toEqual(["seg_6.ts", "seg_7.ts", "seg_8.ts", "seg_9.ts"]);
    expect(out).toContain("#EXT-X-MEDIA-SEQUENCE:6");
    expect(out).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:1");
    // Each kept segment keeps its own date and duration right before it.
    const i = out.indexOf("seg_6.ts");
    expect(out.slice(i - 2, i)).toEqual(["#EXT-X-PROGRAM-DATE-TIME:2026-12-07T01:00:12Z", "#EXTINF:2.000,"]);
  });

  it("keeps the end of a finished broadcast", () => {
    expect(windowPlaylist(event(10, true), 4).trim().endsWith("seg_9.ts\n#EXT-X-ENDLIST")).toBe(true);
  });
});
