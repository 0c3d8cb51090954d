import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("CSV", () => {
  it("writes UTF-8 with a BOM, CRLF rows and quoted cells", () => {
    const out = toCsv(
      ["name", "note"],
      [
        ["한서윤", 'says "hi", twice'],
        ["林晓雯", "line\nbreak"],
      ],
    );
    expect(out.startsWith("\uFEFFname,note\r\n")).toBe(true);
    expect(out).toContain('한서윤,"says ""hi"", twice"\r\n');
    expect(out).toContain('林晓雯,"line\nbreak"\r\n');
  });

  it("defuses cells a spreadsheet would evaluate", () => {
    expect(toCsv(["x"], [["=HYPERLINK(1)"], ["+1"], ["-2"], ["@x"]])).toBe("\uFEFFx\r\n'=HYPERLINK(1)\r\n'+1\r\n'-2\r\n'@x\r\n");
  });

  it("reads a header row, trims cells, skips blank lines and numbers rows in order", () => {
    const parsed = parseCsv('\uFEFFName, Email \r\n 한서윤 ,a@b.example\r\n"Lin, Xiaowen",c@d.example\r\n\r\n');
    expect(parsed.header).toEqual(["name", "email"]);
    expect(parsed.rows).toEqual([
      { line: 2, values: { name: "한서윤", email: "a@b.example" } },
      { line: 3, values: { name: "Lin, Xiaowen", email: "c@d.example" } },
    ]);
  });
});
