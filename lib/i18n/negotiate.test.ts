import { describe, expect, it } from "vitest";
import { isUnknownLocaleSegment, negotiateLocale } from "./negotiate";

describe("locale negotiation", () => {
  it("picks the highest-quality supported language", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("ko-KR,ko;q=0.9")).toBe("ko");
    expect(negotiateLocale("fr-FR,fr;q=0.9,ko;q=0.5,zh;q=0.7")).toBe("zh");
    expect(negotiateLocale("de;q=0.1, en;q=0.2, ko;q=0")).toBe("en");
  });

  it("falls back to English for unknown or missing headers", () => {
    expect(negotiateLocale("fr-FR")).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });

  it("recognises language-like path segments that are not supported locales", () => {
    expect(isUnknownLocaleSegment("fr")).toBe(true);
    expect(isUnknownLocaleSegment("pt-BR")).toBe(true);
    expect(isUnknownLocaleSegment("ko")).toBe(false);
    expect(isUnknownLocaleSegment("events")).toBe(false);
    expect(isUnknownLocaleSegment("")).toBe(false);
  });
});
