import { expect, test } from "@playwright/test";

test.describe("locales and 404s", () => {
  test.describe("a Chinese-speaking first visit", () => {
    test.use({ locale: "zh-CN" });
    test("is sent to the Chinese site", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/zh$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("会议");
    });
  });

  for (const [path, text] of [
    ["/en/events/no-such-event", "Page not found"],
    ["/ko/events/clean-sky-2021/forums/no-such-forum", "페이지를 찾을 수 없습니다"],
    ["/zh/sessions/no-such-session", "找不到页面"],
    ["/en/no/such/page", "Page not found"],
  ] as const) {
    test(`${path} answers 404 with a localized page`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId("not-found").getByRole("heading")).toHaveText(text);
    });
  }

  test.describe("an English-speaking reader who opens the Korean site", () => {
    test.use({ locale: "en-US" });
    test("is sent back to it from the site's root", async ({ page }) => {
      await page.goto("/ko");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("회의");
      await page.goto("/");
      await expect(page).toHaveURL(/\/ko$/);
      await page.goto("/zh/events/clean-sky-2021/agenda");
      await page.goto("/");
      await expect(page).toHaveURL(/\/zh$/);
    });
  });

  test("a page lists its other languages at the site's own address, whatever host a request claims", async ({ request, baseURL }) => {
    const res = await request.get("/zh/events/clean-sky-2021/agenda", { headers: { "x-forwarded-host": "evil.example", "host": "evil.example" } });
    const links = res.headers()["link"] ?? "";
    expect(links).not.toContain("evil.example");
    const site = process.env.PUBLIC_BASE_URL ?? baseURL!;
    for (const l of ["ko", "zh", "en"]) expect(links).toContain(`<${new URL(`/${l}/events/clean-sky-2021/agenda`, site)}>; rel="alternate"; hreflang="${l}"`);
    expect(links).toContain(`<${new URL("/events/clean-sky-2021/agenda", site)}>; rel="alternate"; hreflang="x-default"`);
  });

  test.describe("an unknown locale", () => {
    test.use({ locale: "ko-KR" });
    test("answers 404 in the browser's language", async ({ page }) => {
      const res = await page.goto("/fr/events/clean-sky-2021");
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId("not-found").getByRole("heading")).toHaveText("페이지를 찾을 수 없습니다");
    });
  });
});
