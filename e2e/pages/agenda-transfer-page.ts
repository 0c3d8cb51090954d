// Page object of the organizer's agenda spreadsheet page: export (CSV/XLSX) and check / import.
import fs from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

export class AgendaTransferPage {
  readonly headerLanguage: Locator;
  readonly file: Locator;
  readonly progress: Locator;
  readonly summary: Locator;
  readonly report: Locator;
  readonly problems: Locator;

  constructor(
    readonly page: Page,
    readonly slug = "clean-sky-2021",
  ) {
    this.headerLanguage = page.getByLabel("Column headers");
    this.file = page.getByLabel(/^Spreadsheet file/);
    this.progress = page.getByRole("progressbar", { name: "Upload progress" });
    this.summary = page.getByTestId("transfer-summary");
    this.report = page.getByTestId("transfer-report");
    this.problems = this.report.getByTestId("problem-row");
  }

  async open() {
    await this.page.goto(`/en/organizer/events/${this.slug}/agenda/transfer`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Agenda as a spreadsheet" })).toBeVisible();
    // The import form works only once hydrated.
    await this.page.waitForLoadState("networkidle");
  }

  /** Downloads the draft with headers in `language` (an option label) and returns the file. */
  async download(format: "CSV" | "Excel (XLSX)", language: string): Promise<{ name: string; body: Buffer }> {
    await this.headerLanguage.selectOption({ label: language });
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: `Download ${format}` }).click()]);
    return { name: download.suggestedFilename(), body: fs.readFileSync(await download.path()) };
  }

  /** Chooses a file and presses Check (a dry run) or Import; waits for the answer. */
  async upload(name: string, body: Buffer, action: "Check" | "Import") {
    await this.file.setInputFiles({ name, mimeType: name.endsWith(".csv") ? "text/csv" : "application/octet-stream", buffer: body });
    await this.page.getByRole("button", { name: action, exact: true }).click();
    await expect(this.page.getByText("Checking the file…")).toBeHidden();
  }

  summaryCells(kind: "forums" | "sessions") {
    return this.summary.getByTestId(`summary-${kind}`).getByRole("cell");
  }
}
