// Moving through a page with the keyboard only, as someone without a mouse does: Tab and Shift+Tab
// until an element has the focus, checking on the way that every focused element shows it.
import { expect, type Locator, type Page } from "@playwright/test";

/** What has the focus and whether it is drawn (an outline or a ring), for the failure message. */
function focusOf(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: "body", visible: true };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent || el.getAttribute("aria-label") || el.getAttribute("name") || "").trim().slice(0, 40)}"`;
    return { what, visible: el.matches(":focus-visible") && (outline || ring) };
  });
}

export async function expectVisibleFocus(page: Page) {
  const focus = await focusOf(page);
  expect(focus.visible, `the focus on ${focus.what} is visible`).toBe(true);
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max` presses. */
export async function tabTo(target: Locator, { back = false, max = 60 } = {}) {
  const page = target.page();
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target}`);
}

/** Tabs to a field and types into it. */
export async function typeInto(field: Locator, text: string) {
  await tabTo(field);
  await field.page().keyboard.type(text);
  await expect(field).toHaveValue(text);
}
