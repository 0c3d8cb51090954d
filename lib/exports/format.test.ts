import { describe, expect, it } from "vitest";
import { exportWords, sheetDateTime, sheetZone } from "./format";
import { exportOptionsSchema } from "./schema";

const at = new Date("2021-11-22T00:30:00Z");

describe("exports for people", () => {
  it("write date-times as a named zone's wall clock in the form spreadsheets read", () => {
    expect(sheetDateTime(at, "Asia/Seoul")).toBe("2021-11-22 09:30");
    expect(sheetDateTime(at, "America/Los_Angeles")).toBe("2021-11-21 16:30");
    expect(sheetDateTime(null, "Asia/Seoul")).toBe("");
    expect(sheetZone("America/Los_Angeles", "ko", at)).toBe("로스앤젤레스 UTC-8");
    expect(sheetZone("Asia/Seoul", "en", at, "Seoul")).toBe("Seoul UTC+9");
  });

  it("label columns and values in the console's language", () => {
    const ko = exportWords("ko");
    expect(ko.labels.registered).toContain("{zone}");
    expect(ko.statuses.approved).toBe("승인됨");
    expect(exportWords("zh").roles.delegate).toBe("代表");
    expect(exportWords("en").languages.zh).toBe("Chinese");
  });

  it("take the console's language and a zone, refusing anything else", () => {
    expect(exportOptionsSchema.parse({ lang: "zh", tz: "Europe/Berlin" })).toEqual({ lang: "zh", tz: "Europe/Berlin" });
    expect(exportOptionsSchema.parse({ lang: "fr", tz: "Mars/Olympus" })).toEqual({ lang: "en", tz: undefined });
  });
});
