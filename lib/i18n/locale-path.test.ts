import { describe, expect, it } from "vitest";
import { alternateLinks, pathLocale, shouldSetLocaleCookie } from "./locale-path";

describe("a page path's language", () => {
  it("is the first segment when it is one of ours, spelled as we spell it", () => {
    expect(pathLocale("/ko")).toBe("ko");
    expect(pathLocale("/zh/sessions/abc")).toBe("zh");
    expect(pathLocale("/en/")).toBe("en");
    expect(pathLocale("/")).toBeUndefined();
    expect(pathLocale("/EN/sessions")).toBeUndefined();
    expect(pathLocale("/fr/sessions")).toBeUndefined();
    expect(pathLocale("/english")).toBeUndefined();
    expect(pathLocale("/sessions/ko")).toBeUndefined();
  });
});

describe("the language cookie on a page that names its language", () => {
  const doc = { acceptLanguage: "en-US,en;q=0.9", fetchDest: "document" };

  it("follows the page the reader loaded when it names another language", () => {
    expect(shouldSetLocaleCookie({ ...doc, locale: "zh", cookie: "en" })).toBe(true);
    expect(shouldSetLocaleCookie({ ...doc, locale: "zh", cookie: "zh" })).toBe(false);
  });

  it("is set without one only when the browser's languages would have chosen another", () => {
    expect(shouldSetLocaleCookie({ ...doc, locale: "en", cookie: undefined })).toBe(false);
    expect(shouldSetLocaleCookie({ ...doc, locale: "ko", cookie: undefined })).toBe(true);
    expect(shouldSetLocaleCookie({ locale: "ko", cookie: undefined, acceptLanguage: null, fetchDest: null })).toBe(true);
  });

  it("is left alone by the client router's background fetches", () => {
    expect(shouldSetLocaleCookie({ ...doc, locale: "zh", cookie: "en", fetchDest: "empty" })).toBe(false);
  });
});

describe("the alternates header", () => {
  it("lists the page in each language and the language-choosing path as x-default", () => {
    expect(alternateLinks("/zh/sessions/s1", "zh", "https://plenary.example/")).toBe(
      [
        '<https://plenary.example/ko/sessions/s1>; rel="alternate"; hreflang="ko"',
        '<https://plenary.example/zh/sessions/s1>; rel="alternate"; hreflang="zh"',
        '<https://plenary.example/en/sessions/s1>; rel="alternate"; hreflang="en"',
        '<https://plenary.example/sessions/s1>; rel="alternate"; hreflang="x-default"',
      ].join(", "),
    );
  });

  it("points the home page's x-default at the site's root", () => {
    expect(alternateLinks("/ko", "ko", "https://plenary.example")).toContain('<https://plenary.example/>; rel="alternate"; hreflang="x-default"');
  });
});
