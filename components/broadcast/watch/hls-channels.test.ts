import { describe, expect, it } from "vitest";
import { channelOfRendition, channelRenditions, renditionLanguage } from "./hls-channels";

describe("renditionLanguage", () => {
  it("reads a BCP 47 tag's language, whatever its case or region", () => {
    expect(renditionLanguage("ko")).toBe("ko");
    expect(renditionLanguage("zh-CN")).toBe("zh");
    expect(renditionLanguage("EN_gb")).toBe("en");
  });

  it("is no channel for other languages or none", () => {
    expect(renditionLanguage("fr")).toBeNull();
    expect(renditionLanguage(undefined)).toBeNull();
    expect(renditionLanguage("")).toBeNull();
  });
});

describe("channelRenditions", () => {
  it("maps the default rendition to the floor and each language to its rendition", () => {
    const map = channelRenditions([{ default: true }, { lang: "ko" }, { lang: "zh" }, { lang: "en" }]);
    expect([...map]).toEqual([
      ["floor", 0],
      ["ko", 1],
      ["zh", 2],
      ["en", 3],
    ]);
  });

  it("keeps the floor the floor even when it carries the session's language", () => {
    const map = channelRenditions([{ lang: "ko", default: true }, { lang: "ko" }, { lang: "en" }]);
    expect(map.get("floor")).toBe(0);
    expect(map.get("ko")).toBe(1);
  });

  it("takes a rendition without one of the event's languages as the floor when none is default", () => {
    expect(channelRenditions([{ lang: "en" }, { lang: "und" }]).get("floor")).toBe(1);
  });

  it("names the channel a rendition index plays", () => {
    const map = channelRenditions([{ default: true }, { lang: "zh" }, { lang: "fr" }]);
    expect(channelOfRendition(map, 1)).toBe("zh");
    expect(channelOfRendition(map, 2)).toBeNull();
  });
});
