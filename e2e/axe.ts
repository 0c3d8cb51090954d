// axe-core on a page, through @axe-core/playwright, against WCAG 2.1 A and AA: the accessibility
// specs fail on any serious or critical finding and name each one (rule, impact, elements).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Opens every <details> on the page, so what they hide is checked too. */
export async function openDisclosures(page: Page) {
  await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/**
 * The serious and critical violations on the page as it is now, one line each. `contrast: false`
 * skips colour contrast, by far axe's slowest rule: the pages of the three languages share one
 * stylesheet, so the specs check contrast in one language and every other rule in all three.
 */
export async function seriousViolations(page: Page, { contrast = true, include }: { contrast?: boolean; include?: string } = {}): Promise<string[]> {
  const whole = new AxeBuilder({ page }).withTags(TAGS);
  const builder = include ? whole.include(include) : whole;
  const { violations } = await (contrast ? builder : builder.disableRules(["color-contrast"])).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ").trim() ?? v.help}`));
}

/** `include`: only this part of the page (a selector), where the rest is checked by another spec. */
export async function expectNoSeriousViolations(page: Page, what: string, options: { contrast?: boolean; include?: string } = {}) {
  expect(await seriousViolations(page, options), `axe on ${what}`).toEqual([]);
}
