// Organizers move the agenda through a spreadsheet: the downloaded CSV checks back as "nothing to
// change", and a file with a bad row is rejected row by row with nothing written.
import Papa from "papaparse";
import { expect, test } from "@playwright/test";
import { AgendaEditorPage } from "./pages/agenda-editor-page";
import { AgendaTransferPage } from "./pages/agenda-transfer-page";
import { organizerPage } from "./pages/sign-in-page";

test("the agenda spreadsheet is for organizers only", async ({ request }) => {
  expect((await request.get("/api/organizer/events/clean-sky-2021/agenda.csv")).status()).toBe(401);
  expect((await request.get("/api/organizer/events/clean-sky-2021/agenda.xlsx")).status()).toBe(401);
});

test("an organizer downloads the agenda CSV, and a file with a bad row is refused with that row's report and nothing changed", async ({ browser }) => {
  // Signed in once by organizer.setup.ts (the sign-in limit would refuse a sign-in per spec).
  const page = await organizerPage(browser);
  const editor = new AgendaEditorPage(page);
  await editor.open();
  await page.getByRole("link", { name: "Import / export as a spreadsheet" }).click();
  const transfer = new AgendaTransferPage(page);
  await expect(page.getByRole("heading", { level: 1, name: "Agenda as a spreadsheet" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  const csv = await transfer.download("CSV", "Korean");
  expect(csv.name).toBe("clean-sky-2021-agenda.csv");
  const text = csv.body.toString("utf8");
  expect(text.startsWith("\uFEFF포럼 슬러그,")).toBe(true);
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.length).toBeGreaterThan(10);
  const english = await page.request.get("/api/organizer/events/clean-sky-2021/agenda.csv?lang=en");
  expect((await english.text()).startsWith("\uFEFFForum slug,")).toBe(true);

  // The file as downloaded changes nothing.
  await transfer.upload(csv.name, csv.body, "Check");
  await expect(page.getByRole("status").filter({ hasText: "there is nothing to change" })).toBeVisible();
  await expect(transfer.summaryCells("sessions")).toHaveText(["0", "0", String(rows.filter((r) => r["세션 키"]).length)]);
  await expect(transfer.progress).toHaveAttribute("value", "100");

  // One good edit and one bad row: the import is refused as a whole.
  rows[0]["제목(영어)"] = "Renamed by a rejected import";
  rows[2]["시작"] = "2021-13-40 09:00";
  const bad = Buffer.from("\uFEFF" + Papa.unparse(rows), "utf8");
  await transfer.upload("agenda-bad.csv", bad, "Import");
  await expect(page.getByRole("alert").filter({ hasText: "1 problem found. Nothing was imported." })).toBeVisible();
  await expect(transfer.problems).toHaveCount(1);
  await expect(transfer.problems.first().getByRole("cell")).toHaveText(["4", "Start", "Not a valid time: write YYYY-MM-DD HH:mm."]);

  const after = await transfer.download("CSV", "Korean");
  expect(after.body.equals(csv.body)).toBe(true);
  await editor.open();
  await expect(page.getByText("Renamed by a rejected import")).toHaveCount(0);
  await page.context().close();
});
