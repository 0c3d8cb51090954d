import { describe, expect, it } from "vitest";
import { COLUMNS, headerRow, mapHeader, toCells } from "./columns";

describe("agenda spreadsheet headers", () => {
  it("map the English keys, and the column names in Korean, Chinese and English, to the same columns", () => {
    for (const lang of [undefined, "ko", "zh", "en"] as const) {
      const { positions, missing, duplicated } = mapHeader(headerRow(lang));
      expect(positions, String(lang)).toEqual([...COLUMNS]);
      expect(missing).toEqual([]);
      expect(duplicated).toEqual([]);
    }
  });

  it("write localized headers distinct from each other in every language", () => {
    for (const lang of ["ko", "zh", "en"] as const) expect(new Set(headerRow(lang)).size).toBe(COLUMNS.length);
    expect(headerRow("ko")[0]).toBe("포럼 슬러그");
    expect(headerRow("zh")[0]).toBe("论坛标识");
    expect(headerRow()[0]).toBe("forum_slug");
  });

  it("ignore case, spacing, underscores and full-width forms when matching a header", () => {
    const { positions } = mapHeader(["FORUM SLUG", "  Forum_Title (Korean) ", "포럼제목 （한국어）", "论坛 标题（中文）"]);
    expect(positions).toEqual(["forum_slug", "forum_title_ko", "forum_title_ko", "forum_title_zh"]);
  });

  it("report missing and duplicated columns, and ignore columns it does not know", () => {
    const header = [...headerRow("en").filter((h) => h !== "Kind"), "Notes", "종료"];
    const map = mapHeader(header);
    expect(map.missing).toEqual(["kind"]);
    expect(map.duplicated).toEqual(["ends_at"]);
    expect(map.positions).toContain(null);
  });

  it("turn a data row into cells by column key, absent cells empty", () => {
    const cells = toCells(["forum_slug", null, "kind"], ["forecast", "ignored", "talk"]);
    expect(cells.forum_slug).toBe("forecast");
    expect(cells.kind).toBe("talk");
    expect(cells.title_en).toBe("");
  });
});
