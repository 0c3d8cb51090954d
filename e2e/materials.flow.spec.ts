import { expect, test } from "@playwright/test";
import { MaterialsPage, SessionMaterials } from "./pages/materials-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

const SLUG = "clean-sky-2021";
const stamp = Date.now().toString(36);

/** A 3 MB PDF-looking file, large enough for the browser to report upload progress. */
const slides = Buffer.concat([Buffer.from(`%PDF-1.4\n% Clean Sky slides ${stamp}\n`), Buffer.alloc(3 * 1024 * 1024, "0"), Buffer.from("\n%%EOF\n")]);

test("an organizer uploads slides with a progress bar, and anyone downloads the same bytes from the session page", async ({ browser, request }) => {
  const page = await organizerPage(browser);
  // Signing in (scrypt) and a 3 MB upload on a busy two-core machine can outlast the default 30 s.
  test.slow();
  const agenda = await (await request.get(`/api/events/${SLUG}/agenda`)).json();
  const sessionId: string = agenda.forums[0].sessions[0].id;

  const materials = new MaterialsPage(page);
  await materials.open(SLUG, sessionId);

  // A file whose content is not what its extension says is refused, in words.
  await materials.choose(`fake-${stamp}.pdf`, "application/pdf", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await materials.upload.click();
  await expect(page.getByRole("alert").filter({ hasText: "This file is not accepted" })).toBeVisible();
  await expect(materials.items.filter({ hasText: `fake-${stamp}.pdf` })).toHaveCount(0);

  const title = `Clean Sky slides ${stamp}`;
  await materials.choose(`대기질-${stamp}.pdf`, "application/pdf", slides);
  await materials.titleEn.fill(title);
  await materials.visibility.selectOption({ label: "Everyone" });
  await materials.upload.click();
  await expect(materials.percent).toHaveText("100%");
  await expect(materials.progress).toHaveAttribute("value", "100");
  await expect(page.getByRole("status").filter({ hasText: "was uploaded" })).toBeVisible();
  const item = materials.items.filter({ hasText: `대기질-${stamp}.pdf` });
  await expect(item).toContainText(title);
  await expect(item).toContainText("Everyone");
  await expect(item).toContainText("3.1 MB");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/en/sessions/${sessionId}`);
  const list = new SessionMaterials(visitor);
  const link = list.link(title);
  await expect(link).toBeVisible();
  await expect(list.items.filter({ hasText: title })).toContainText("PDF, 3.1 MB");
  const href = await link.getAttribute("href");
  const download = await visitor.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="_+-[a-z0-9]+\.pdf"; filename\*=UTF-8''%EB%8C%80%EA%B8%B0%EC%A7%88-/);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"].split(/;\s*/)).toContain("sandbox");
  expect(download.headers()["cache-control"]).toContain("private");
  expect(Buffer.compare(await download.body(), slides)).toBe(0);
  await visitor.context().close();
});

test("an organizer makes a material organizers-only, then deletes it after confirming", async ({ browser, request }) => {
  const page = await organizerPage(browser);
  const agenda = await (await request.get(`/api/events/${SLUG}/agenda`)).json();
  const sessionId: string = agenda.forums[0].sessions[0].id;
  const materials = new MaterialsPage(page);
  await materials.open(SLUG, sessionId);
  const item = materials.items.filter({ hasText: `대기질-${stamp}.pdf` });
  const href = await item.getByRole("link").first().getAttribute("href");

  await item.getByText(/^Change title or visibility/).click();
  await item.getByLabel("Who can download").selectOption({ label: "Organizers only" });
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const visitor = await browser.newContext();
  expect((await visitor.request.get(href!)).status()).toBe(401);
  await visitor.close();

  page.once("dialog", (dialog) => dialog.accept());
  await item.getByRole("button", { name: /^Delete/ }).click();
  await expect(item).toHaveCount(0);
  expect((await page.request.get(href!)).status()).toBe(404);
});
