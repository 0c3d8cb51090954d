import { describe, expect, it } from "vitest";
import { langOf, langTag, scriptLocale } from "./lang";
import { pickedLocale, pickText } from "./localized";

describe("lang attributes", () => {
  it("tags each interface language with a BCP 47 tag, Chinese with its simplified script", () => {
    expect(langTag).toEqual({ ko: "ko", zh: "zh-Hans", en: "en" });
  });

  it("judges a name's language by its script", () => {
    expect(scriptLocale("장주원")).toBe("ko");
    expect(scriptLocale("姚俊杰")).toBe("zh");
    expect(scriptLocale("Yao Junjie")).toBe("en");
    expect(scriptLocale("2021 — 11")).toBeNull();
  });

  it("marks only text that is not in the page's language", () => {
    expect(langOf("장주원", "en")).toBe("ko");
    expect(langOf("姚俊杰", "ko")).toBe("zh-Hans");
    expect(langOf("Yao Junjie", "zh")).toBe("en");
    expect(langOf("장주원", "ko")).toBeUndefined();
    expect(langOf("Yao Junjie", "en")).toBeUndefined();
  });

  it("knows which language pickText fell back to", () => {
    const onlyKorean = { ko: "개회", zh: "", en: "" };
    expect(pickedLocale(onlyKorean, "en")).toBe("ko");
    expect(pickText(onlyKorean, "en")).toBe("개회");
    expect(pickedLocale({ ko: "개회", zh: "开幕", en: "" }, "en")).toBe("ko");
    expect(pickedLocale({ ko: "개회", zh: "开幕", en: "" }, "zh")).toBe("zh");
    expect(pickedLocale({ ko: "", zh: "", en: "" }, "zh")).toBe("zh");
  });
});
