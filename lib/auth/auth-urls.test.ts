import { describe, expect, it } from "vitest";
import { localeOfAuthUrl, localizedAuthLocation } from "./auth-urls";

describe("the language of a sign-in link", () => {
  it("is the language of the page it returns to", () => {
    expect(localeOfAuthUrl("https://p.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fp.example%2Fko%2Fme&token=t", "en")).toBe("ko");
    expect(localeOfAuthUrl("https://p.example/api/auth/callback/email?callbackUrl=%2Fzh%2Fsessions%2Fs1%2Flive", "en")).toBe("zh");
  });

  it("falls back to the browser's language when the link names no page of ours", () => {
    expect(localeOfAuthUrl("https://p.example/api/auth/callback/email?token=t", "zh-CN,zh;q=0.9")).toBe("zh");
    expect(localeOfAuthUrl("https://p.example/api/auth/callback/email?callbackUrl=%2Ffr%2Fme", "ko")).toBe("ko");
    expect(localeOfAuthUrl("not a url", null)).toBe("en");
  });
});

describe("Auth.js's redirects to its English pages", () => {
  it("move to the link's language, keeping the query", () => {
    expect(localizedAuthLocation("http://127.0.0.1:3000/en/sign-in?error=Verification", "ko")).toBe("http://127.0.0.1:3000/ko/sign-in?error=Verification");
    expect(localizedAuthLocation("/en/sign-in/check-email", "zh")).toBe("/zh/sign-in/check-email");
  });

  it("leave every other address alone", () => {
    expect(localizedAuthLocation("http://127.0.0.1:3000/en/me", "ko")).toBe("http://127.0.0.1:3000/en/me");
    expect(localizedAuthLocation("http://127.0.0.1:3000/en/sign-inx", "ko")).toBe("http://127.0.0.1:3000/en/sign-inx");
  });
});
